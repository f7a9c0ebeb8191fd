"""Meta.depth = 1 nests the customer of every order (a serializer of all its fields): DRF reads
order.customer on every row."""
# fixture: sample=shop requires=rest_framework
from rest_framework import generics, serializers
from rest_framework.test import APIRequestFactory

from mdblint.runtime.oracles import queries_grow
from orders.models import Customer, Order

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Order.objects.create(number=f"{i:04}", customer=Customer.objects.create(name=f"Customer {i}"))


class OrderSerializer(serializers.ModelSerializer):
    class Meta:
        model = Order
        fields = ["id", "number", "customer"]  # expect: MDB306
        depth = 1


# fix: select_related("customer")
class OrderList(generics.ListAPIView):
    queryset = Order.objects.all()
    serializer_class = OrderSerializer


def scenario():
    response = OrderList.as_view()(APIRequestFactory().get("/orders/"))
    response.render()
    return response.data
