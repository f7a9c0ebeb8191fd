"""Staff models: the custom user model (AUTH_USER_MODEL = "staff.Journalist")."""
from django.contrib.auth.models import AbstractUser
from django.db import models


class Journalist(AbstractUser):
    beat = models.CharField(max_length=100, blank=True)

    def __str__(self):
        return self.get_full_name() or self.username
