"""A readable module."""


def scenario(using="default"):
    return using
