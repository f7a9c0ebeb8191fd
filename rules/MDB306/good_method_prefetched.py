"""A SerializerMethodField reads obj.lines.all() and each line's product, both prefetched by
the view: the query count stays flat."""
# fixture: sample=shop requires=rest_framework
from rest_framework import generics, serializers
from rest_framework.test import APIRequestFactory

from orders.models import Customer, Order, OrderLine, Product


def setup(n):
    customer = Customer.objects.create(name="Ann")
    for i in range(n):
        order = Order.objects.create(number=f"{i:04}", customer=customer)
        OrderLine.objects.create(order=order, product=Product.objects.create(name=f"P{i}"), quantity=2)


class OrderSerializer(serializers.ModelSerializer):
    products = serializers.SerializerMethodField()

    class Meta:
        model = Order
        fields = ["id", "products"]

    def get_products(self, obj):
        return [line.product.name for line in obj.lines.all()]


class OrderList(generics.ListAPIView):
    serializer_class = OrderSerializer

    def get_queryset(self):
        return Order.objects.prefetch_related("lines__product")


def scenario():
    response = OrderList.as_view()(APIRequestFactory().get("/orders/"))
    response.render()
    return response.data
