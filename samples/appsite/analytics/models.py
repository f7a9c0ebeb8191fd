"""Analytics models, on "analytics": marketing campaigns and the visits they bring."""
from django.db import models


class Campaign(models.Model):
    name = models.CharField(max_length=100)
    active = models.BooleanField(default=True)

    def __str__(self):
        return self.name


class Visit(models.Model):
    campaign = models.ForeignKey(Campaign, related_name="visits", on_delete=models.CASCADE)
    page = models.CharField(max_length=200)

    def __str__(self):
        return f"visit of {self.page}"
