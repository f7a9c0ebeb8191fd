from django.apps import AppConfig


class NewsConfig(AppConfig):
    """The package is ``news`` but the app label is ``newsdesk``."""

    name = "news"
    label = "newsdesk"
    verbose_name = "News desk"
