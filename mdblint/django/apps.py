from django.apps import AppConfig


class MdblintConfig(AppConfig):
    name = "mdblint.django"
    label = "mdblint"            # not "django": an app label must be unique and say whose it is
    verbose_name = "mdblint"
