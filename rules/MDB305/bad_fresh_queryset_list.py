# fixture: sample=shop
"""list() of a queryset built inside the loop: one query per order."""
from orders.models import Customer, Order, OrderLine, Product, Profile

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        customer = Customer.objects.create(name=f"Customer {i}")
        Profile.objects.create(customer=customer, bio=f"Bio {i}")
        order = Order.objects.create(number=f"N{i:03}", customer=customer)
        for j in range(2):
            product = Product.objects.create(name=f"Product {i}.{j}", price=j + 1)
            OrderLine.objects.create(order=order, product=product, quantity=j + 1)


def scenario():
    out = []
    for order in Order.objects.all():
        out.append(list(OrderLine.objects.filter(order=order)))  # expect: MDB305
    return [len(x) for x in out]
