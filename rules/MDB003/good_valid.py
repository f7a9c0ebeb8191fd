"""A valid module that mentions using=."""


def scenario(using="default"):
    return using
