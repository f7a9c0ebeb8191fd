"""A SerializerMethodField whose method reads obj.lines.all() and each line's product:
one query per order for its lines (and one per line for its product)."""
# fixture: sample=shop requires=rest_framework
from rest_framework import generics, serializers
from rest_framework.test import APIRequestFactory

from mdblint.runtime.oracles import queries_grow
from orders.models import Customer, Order, OrderLine, Product

ORACLE = queries_grow()


def setup(n):
    customer = Customer.objects.create(name="Ann")
    for i in range(n):
        order = Order.objects.create(number=f"{i:04}", customer=customer)
        OrderLine.objects.create(order=order, product=Product.objects.create(name=f"P{i}"), quantity=2)


class OrderSerializer(serializers.ModelSerializer):
    products = serializers.SerializerMethodField()  # expect: MDB306

    class Meta:
        model = Order
        fields = ["id", "products"]

    def get_products(self, obj):
        return [line.product.name for line in obj.lines.all()]


# fix: prefetch_related("lines__product")
class OrderList(generics.ListCreateAPIView):
    queryset = Order.objects.all()
    serializer_class = OrderSerializer


def scenario():
    response = OrderList.as_view()(APIRequestFactory().get("/orders/"))
    response.render()
    return response.data
