def scenario(:  # expect: MDB003
    return Book.objects.using("default")
