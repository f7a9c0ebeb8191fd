# fixture: sample=shop
"""A ListView whose queryset selects the customers: its default template reads them from the
rows."""
from django.views.generic import ListView
from orders.models import Customer, Order, OrderLine, Product

from mdblint.runtime.oracles import queries_grow
from mdblint.runtime.views import get, normalized


def setup(n):
    for i in range(n):
        order = Order.objects.create(number=f"N{i:03}", customer=Customer.objects.create(name=f"Customer {i}"))
        OrderLine.objects.create(order=order, product=Product.objects.create(name=f"P{i}"), quantity=i + 1)


class OrderList(ListView):
    queryset = Order.objects.select_related("customer")


def scenario():
    return normalized(get(OrderList.as_view()))
