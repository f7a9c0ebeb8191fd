"""PrimaryKeyRelatedField on a forward key (declared, or what ModelSerializer builds for
"customer") reads the key's column only: no query per row."""
# fixture: sample=shop requires=rest_framework
from rest_framework import generics, serializers
from rest_framework.test import APIRequestFactory

from orders.models import Customer, Order


def setup(n):
    for i in range(n):
        Order.objects.create(number=f"{i:04}", customer=Customer.objects.create(name=f"Customer {i}"))


class OrderSerializer(serializers.ModelSerializer):
    buyer = serializers.PrimaryKeyRelatedField(source="customer", read_only=True)

    class Meta:
        model = Order
        fields = ["id", "number", "customer", "buyer"]


class OrderList(generics.ListAPIView):
    queryset = Order.objects.all()
    serializer_class = OrderSerializer


def scenario():
    response = OrderList.as_view()(APIRequestFactory().get("/orders/"))
    response.render()
    return response.data
