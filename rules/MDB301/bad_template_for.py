# fixture: sample=shop
"""A view renders a template that loops over the orders and reads order.customer.name: one query
per order (orders/templates/orders/order_list.html, line 2)."""
from django.shortcuts import render
from orders.models import Customer, Order

from mdblint.runtime.oracles import queries_grow
from mdblint.runtime.views import get, normalized

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Order.objects.create(number=f"N{i:03}", customer=Customer.objects.create(name=f"Customer {i}"))


# fix: select_related("customer")
def order_list(request):
    return render(request, "orders/order_list.html", {"order_list": Order.objects.all()})  # expect: MDB301


def scenario():
    return normalized(get(order_list))
