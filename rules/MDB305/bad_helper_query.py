# fixture: sample=shop
"""A helper of another module counts the order's lines with a query of its own."""
from orders.models import Customer, Order, OrderLine, Product, Profile
from orders.display import open_lines

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
    counts = []
    for order in Order.objects.all():
        counts.append(open_lines(order))  # expect: MDB305
    return counts
