# fixture: sample=shop
"""get_context_data() adds the orders to a ListView'\''s context; its template reads
order.customer on every row."""
from django.views.generic import ListView
from orders.models import Customer, Order, OrderLine, Product

from mdblint.runtime.oracles import queries_grow
from mdblint.runtime.views import get, normalized

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        order = Order.objects.create(number=f"N{i:03}", customer=Customer.objects.create(name=f"Customer {i}"))
        OrderLine.objects.create(order=order, product=Product.objects.create(name=f"P{i}"), quantity=i + 1)


class CustomerOrders(ListView):
    model = Customer
    template_name = "orders/order_list.html"  # expect: MDB301

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["order_list"] = Order.objects.all()
        return context


def scenario():
    return normalized(get(CustomerOrders.as_view()))
