"""A function view serializes a queryset explicitly (many=True): the slug field reads each
order's customer."""
# fixture: sample=shop requires=rest_framework
from rest_framework import serializers

from mdblint.runtime.oracles import queries_grow
from orders.models import Customer, Order

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Order.objects.create(number=f"{i:04}", customer=Customer.objects.create(name=f"Customer {i}"))


class OrderSerializer(serializers.Serializer):
    number = serializers.CharField()
    customer = serializers.SlugRelatedField(slug_field="name", read_only=True)  # expect: MDB306


# fix: select_related("customer")
def order_list():
    return OrderSerializer(Order.objects.all(), many=True).data


def scenario():
    return order_list()
