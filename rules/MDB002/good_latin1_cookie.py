# -*- coding: latin-1 -*-
TITLE = "café society"  # using latin-1, declared


def scenario():
    return TITLE
