"""Nested serializers over lines (many=True) and each line's product, prefetched together; a
StringRelatedField over the prefetched lines whose __str__ reads the prefetched product."""
# fixture: sample=shop requires=rest_framework
from rest_framework import viewsets, serializers
from rest_framework.test import APIRequestFactory

from orders.models import Customer, Order, OrderLine, Product


def setup(n):
    customer = Customer.objects.create(name="Ann")
    for i in range(n):
        order = Order.objects.create(number=f"{i:04}", customer=customer)
        OrderLine.objects.create(order=order, product=Product.objects.create(name=f"P{i}"), quantity=2)


class ProductSerializer(serializers.ModelSerializer):
    class Meta:
        model = Product
        fields = ["id", "name"]


class LineSerializer(serializers.ModelSerializer):
    product = ProductSerializer(read_only=True)

    class Meta:
        model = OrderLine
        fields = ["id", "quantity", "product"]


class OrderSerializer(serializers.ModelSerializer):
    lines = LineSerializer(many=True, read_only=True)
    labels = serializers.StringRelatedField(source="lines", many=True)
    line_keys = serializers.PrimaryKeyRelatedField(source="lines", many=True, read_only=True)

    class Meta:
        model = Order
        fields = ["id", "lines", "labels", "line_keys"]


class OrderViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Order.objects.prefetch_related("lines__product")
    serializer_class = OrderSerializer


def scenario():
    response = OrderViewSet.as_view({"get": "list"})(APIRequestFactory().get("/orders/"))
    response.render()
    return response.data
