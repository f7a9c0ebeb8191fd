"""A field with source="customer.name" reads order.customer on every row a
ReadOnlyModelViewSet lists."""
# fixture: sample=shop requires=rest_framework
from rest_framework import serializers, viewsets
from rest_framework.test import APIRequestFactory

from mdblint.runtime.oracles import queries_grow
from orders.models import Customer, Order

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Order.objects.create(number=f"{i:04}", customer=Customer.objects.create(name=f"Customer {i}"))


class OrderSerializer(serializers.ModelSerializer):
    customer_name = serializers.CharField(source="customer.name", read_only=True)  # expect: MDB306

    class Meta:
        model = Order
        fields = ["id", "number", "customer_name"]


# fix: select_related("customer")
class OrderViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Order.objects.order_by("number")
    serializer_class = OrderSerializer


def scenario():
    response = OrderViewSet.as_view({"get": "list"})(APIRequestFactory().get("/orders/"))
    response.render()
    return response.data
