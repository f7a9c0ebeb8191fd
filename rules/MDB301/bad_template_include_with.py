# fixture: sample=shop
"""{% include ... with customer=order.customer only %} reads the key on every row, for the
included template (orders/templates/orders/order_include_with.html)."""
from django.shortcuts import render
from orders.models import Customer, Order, OrderLine, Product

from mdblint.runtime.oracles import queries_grow
from mdblint.runtime.views import get, normalized

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        order = Order.objects.create(number=f"N{i:03}", customer=Customer.objects.create(name=f"Customer {i}"))
        OrderLine.objects.create(order=order, product=Product.objects.create(name=f"P{i}"), quantity=i + 1)


# fix: select_related("customer")
def order_list(request):
    return render(request, "orders/order_include_with.html", {"order_list": Order.objects.all()})  # expect: MDB301


def scenario():
    return normalized(get(order_list))
