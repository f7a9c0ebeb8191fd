"""Ledger models: accounts and their entries."""
from django.db import models


class Account(models.Model):
    name = models.CharField(max_length=100, unique=True)

    def __str__(self):
        return self.name


class Entry(models.Model):
    account = models.ForeignKey(Account, related_name="entries", on_delete=models.CASCADE)
    amount = models.IntegerField()

    def __str__(self):
        return f"{self.amount} on {self.account_id}"
