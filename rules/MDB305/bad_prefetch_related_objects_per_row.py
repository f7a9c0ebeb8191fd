# fixture: sample=shop
"""prefetch_related_objects() given one row at a time: its query runs on every row (N+1)."""
from django.db.models import prefetch_related_objects

from orders.models import Customer, Order, OrderLine, Product
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        order = Order.objects.create(number=f"N{i:03}", customer=Customer.objects.create(name=f"Customer {i}"))
        for j in range(2):
            product = Product.objects.create(name=f"Product {i}.{j}", price=j + 1)
            OrderLine.objects.create(order=order, product=product, quantity=j + 1)


def scenario():
    counts = []
    for order in Order.objects.all():
        prefetch_related_objects([order], "lines")  # expect: MDB305
        counts.append(len(order.lines.all()))
    return counts
