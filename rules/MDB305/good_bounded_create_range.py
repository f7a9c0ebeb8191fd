# fixture: sample=shop
"""A list of eight customers made by create() in range(1, 9), then saved: eight saves at any n."""
from orders.models import Customer, Order, OrderLine, Product, Profile


def setup(n):
    for i in range(n):
        customer = Customer.objects.create(name=f"Customer {i}")
        Profile.objects.create(customer=customer, bio=f"Bio {i}")
        order = Order.objects.create(number=f"N{i:03}", customer=customer)
        for j in range(2):
            product = Product.objects.create(name=f"Product {i}.{j}", price=j + 1)
            OrderLine.objects.create(order=order, product=product, quantity=j + 1)


def scenario():
    made = [Customer.objects.create(name=f"Extra {i}") for i in range(1, 9)]
    for customer in made:
        customer.name = customer.name.upper()
        customer.save()
    return len(made)
