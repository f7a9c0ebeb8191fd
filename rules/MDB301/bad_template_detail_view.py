# fixture: sample=shop
"""A DetailView of one order whose template loops over the order'\''s lines and reads
line.product on every line (orders/templates/orders/order_detail.html)."""
from django.views.generic import DetailView
from orders.models import Customer, Order, OrderLine, Product

from mdblint.runtime.oracles import queries_grow
from mdblint.runtime.views import get, normalized

ORACLE = queries_grow()


def setup(n):
    order = Order.objects.create(number="N000", customer=Customer.objects.create(name="Customer"))
    for i in range(n):
        OrderLine.objects.create(order=order, product=Product.objects.create(name=f"P{i}"), quantity=i + 1)


class OrderDetail(DetailView):  # expect: MDB301
    model = Order


def scenario():
    order = Order.objects.order_by("pk").first()
    return normalized(get(OrderDetail.as_view(), pk=order.pk))
