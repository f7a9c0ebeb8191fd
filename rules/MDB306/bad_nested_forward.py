"""A list view serializes every order with a nested CustomerSerializer: DRF reads
order.customer on every row, and the view's queryset does not join it."""
# fixture: sample=shop requires=rest_framework
from rest_framework import generics, serializers
from rest_framework.test import APIRequestFactory

from mdblint.runtime.oracles import queries_grow
from orders.models import Customer, Order

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        customer = Customer.objects.create(name=f"Customer {i}")
        Order.objects.create(number=f"{i:04}", customer=customer)


class CustomerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Customer
        fields = ["id", "name"]


class OrderSerializer(serializers.ModelSerializer):
    customer = CustomerSerializer()  # expect: MDB306

    class Meta:
        model = Order
        fields = ["id", "number", "customer"]


# fix: select_related("customer")
class OrderList(generics.ListAPIView):
    queryset = Order.objects.all()
    serializer_class = OrderSerializer


def scenario():
    response = OrderList.as_view()(APIRequestFactory().get("/orders/"))
    response.render()
    return response.data
