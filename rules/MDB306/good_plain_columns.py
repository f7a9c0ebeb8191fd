"""Fields that read the row's own columns (a source, a property of columns only, Meta.fields
"__all__" without many-to-many): no query per row."""
# fixture: sample=shop requires=rest_framework
from rest_framework import generics, serializers
from rest_framework.test import APIRequestFactory

from orders.models import Customer, Order


def setup(n):
    customer = Customer.objects.create(name="Ann")
    for i in range(n):
        Order.objects.create(number=f"{i:04}", customer=customer)


class OrderSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="number", read_only=True)
    upper = serializers.CharField(source="code", read_only=True)
    customer_key = serializers.IntegerField(source="customer_id", read_only=True)

    class Meta:
        model = Order
        fields = "__all__"


class OrderList(generics.ListAPIView):
    queryset = Order.objects.all()
    serializer_class = OrderSerializer


def scenario():
    response = OrderList.as_view()(APIRequestFactory().get("/orders/"))
    response.render()
    return response.data
