# A file mdblint checks without an internal error.
VALUE = 1
