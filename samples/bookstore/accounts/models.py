"""Account models: a profile per user and their publisher subscriptions."""
from django.conf import settings
from django.db import models


class UserProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE)
    flavor = models.CharField(max_length=100)
    favourite_author = models.ForeignKey(
        "catalog.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fans",
    )

    def __str__(self):
        return f"{self.user} ({self.flavor})"


class Subscription(models.Model):
    """A reader's subscription to new releases from some publishers."""

    profile = models.ForeignKey(
        UserProfile, on_delete=models.CASCADE, related_name="subscriptions"
    )
    publishers = models.ManyToManyField("catalog.Publisher", related_name="+")
    related = models.ManyToManyField("self", blank=True)
    started = models.DateField(auto_now_add=True)

    def __str__(self):
        return f"subscription #{self.pk} of {self.profile}"
