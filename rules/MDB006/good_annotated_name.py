# The same annotated assignment without the parentheses: libcst parses it.
pars: bool = True
books = Book.objects.using("default")
