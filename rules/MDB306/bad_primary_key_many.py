"""PrimaryKeyRelatedField(many=True) over the reverse relation order.lines: DRF evaluates
order.lines.all() on every row to list the keys."""
# fixture: sample=shop requires=rest_framework
from rest_framework import generics, serializers
from rest_framework.test import APIRequestFactory

from mdblint.runtime.oracles import queries_grow
from orders.models import Customer, Order, OrderLine, Product

ORACLE = queries_grow()


def setup(n):
    customer = Customer.objects.create(name="Ann")
    product = Product.objects.create(name="Pen")
    for i in range(n):
        order = Order.objects.create(number=f"{i:04}", customer=customer)
        OrderLine.objects.create(order=order, product=product)


class OrderSerializer(serializers.ModelSerializer):
    lines = serializers.PrimaryKeyRelatedField(many=True, read_only=True)  # expect: MDB306

    class Meta:
        model = Order
        fields = ["id", "lines"]


# fix: prefetch_related("lines")
class OrderList(generics.ListAPIView):
    queryset = Order.objects.all()
    serializer_class = OrderSerializer


def scenario():
    response = OrderList.as_view()(APIRequestFactory().get("/orders/"))
    response.render()
    return response.data
