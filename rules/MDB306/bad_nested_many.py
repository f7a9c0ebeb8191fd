"""A viewset's list action serializes every order with its lines (a nested serializer with
many=True): DRF evaluates order.lines.all() on every row, and nothing prefetches it."""
# fixture: sample=shop requires=rest_framework
from rest_framework import serializers, viewsets
from rest_framework.test import APIRequestFactory

from mdblint.runtime.oracles import queries_grow
from orders.models import Customer, Order, OrderLine, Product

ORACLE = queries_grow()


def setup(n):
    customer = Customer.objects.create(name="Ann")
    product = Product.objects.create(name="Pen")
    for i in range(n):
        order = Order.objects.create(number=f"{i:04}", customer=customer)
        OrderLine.objects.create(order=order, product=product, quantity=i + 1)


class LineSerializer(serializers.ModelSerializer):
    class Meta:
        model = OrderLine
        fields = ["id", "quantity"]


class OrderSerializer(serializers.ModelSerializer):
    lines = LineSerializer(many=True, read_only=True)  # expect: MDB306

    class Meta:
        model = Order
        fields = ["id", "number", "lines"]


# fix: prefetch_related("lines")
class OrderViewSet(viewsets.ModelViewSet):
    queryset = Order.objects.all()
    serializer_class = OrderSerializer


def scenario():
    response = OrderViewSet.as_view({"get": "list"})(APIRequestFactory().get("/orders/"))
    response.render()
    return response.data
