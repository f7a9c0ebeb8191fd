# fixture: sample=shop
"""A TemplateResponse whose template renders {{ order }}: Order.__str__ reads order.customer,
one query per order (orders/templates/orders/order_labels.html)."""
from django.template.response import TemplateResponse
from orders.models import Customer, Order, OrderLine, Product

from mdblint.runtime.oracles import queries_grow
from mdblint.runtime.views import get, normalized

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        order = Order.objects.create(number=f"N{i:03}", customer=Customer.objects.create(name=f"Customer {i}"))
        OrderLine.objects.create(order=order, product=Product.objects.create(name=f"P{i}"), quantity=i + 1)


# fix: select_related("customer")
def order_labels(request):
    orders = Order.objects.all()
    return TemplateResponse(request, "orders/order_labels.html", {"order_list": orders})  # expect: MDB301


def scenario():
    return normalized(get(order_labels))
