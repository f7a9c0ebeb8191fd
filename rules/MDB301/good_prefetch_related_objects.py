# fixture: sample=shop
"""prefetch_related_objects() loads the customers of the rows it is given, before the loop."""
from orders.models import Customer, Order, OrderLine, Product, Profile
from django.db.models import prefetch_related_objects


def setup(n):
    for i in range(n):
        customer = Customer.objects.create(name=f"Customer {i}")
        Profile.objects.create(customer=customer, bio=f"Bio {i}")
        order = Order.objects.create(number=f"N{i:03}", customer=customer)
        for j in range(2):
            product = Product.objects.create(name=f"Product {i}.{j}", price=j + 1)
            OrderLine.objects.create(order=order, product=product, quantity=j + 1)


def scenario():
    orders = list(Order.objects.all())
    prefetch_related_objects(orders, "customer")
    return [str(order) for order in orders]
