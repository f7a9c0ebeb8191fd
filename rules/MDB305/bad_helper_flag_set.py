# fixture: sample=shop
"""mark_seen(order, save=True) saves every order: one UPDATE per row."""
from orders.models import Customer, Order, OrderLine, Product, Profile
from orders.display import mark_seen

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
    for order in Order.objects.all():
        mark_seen(order, save=True)  # expect: MDB305
    return Order.objects.filter(note="seen").count()
