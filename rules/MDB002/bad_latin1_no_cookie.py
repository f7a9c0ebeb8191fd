"""Latin-1 bytes and no coding cookie: not UTF-8."""
TITLE = "café society"  # expect: MDB002
