"""The nested serializer runs on one order (a retrieve view, an explicit call without
many=True): one query for its customer, however many orders exist."""
# fixture: sample=shop requires=rest_framework
from rest_framework import generics, serializers
from rest_framework.test import APIRequestFactory

from orders.models import Customer, Order


def setup(n):
    for i in range(n):
        Order.objects.create(number=f"{i:04}", customer=Customer.objects.create(name=f"Customer {i}"))


class CustomerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Customer
        fields = ["id", "name"]


class OrderSerializer(serializers.ModelSerializer):
    customer = CustomerSerializer()

    class Meta:
        model = Order
        fields = ["id", "number", "customer"]


class OrderDetail(generics.RetrieveAPIView):
    queryset = Order.objects.all()
    serializer_class = OrderSerializer


def first_order():
    return OrderSerializer(Order.objects.order_by("id").first()).data


def scenario():
    response = OrderDetail.as_view()(APIRequestFactory().get("/orders/1/"), pk=1)
    response.render()
    return response.data, first_order()
