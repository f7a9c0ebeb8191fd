(pars): bool = True  # expect: MDB006
books = Book.objects.using("default")
# Valid Python (CPython's Lib/test/test_grammar.py has the first line) that libcst cannot parse.
