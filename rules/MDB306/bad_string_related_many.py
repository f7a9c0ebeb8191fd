"""StringRelatedField(many=True) shows str() of every line: the lines are prefetched, but
OrderLine.__str__ reads line.product, which nothing loads (one query per line)."""
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
    lines = serializers.StringRelatedField(many=True)  # expect: MDB306

    class Meta:
        model = Order
        fields = ["id", "lines"]


# fix: prefetch_related("lines", "lines__product")
class OrderList(generics.ListAPIView):
    queryset = Order.objects.prefetch_related("lines")
    serializer_class = OrderSerializer


def scenario():
    response = OrderList.as_view()(APIRequestFactory().get("/orders/"))
    response.render()
    return response.data
