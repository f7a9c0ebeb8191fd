# fixture: sample=shop
"""order.line_count (a cached_property) runs self.lines.count(): the sync API, run from async def."""
import asyncio

from orders.models import Customer, Order, OrderLine, Product

from mdblint.runtime.oracles import raises

ORACLE = raises("SynchronousOnlyOperation")


def setup(n):
    for i in range(n):
        customer = Customer.objects.create(name=f"Customer {i}")
        order = Order.objects.create(number=f"N{i:03}", customer=customer)
        for j in range(2):
            product = Product.objects.create(name=f"Product {i}.{j}", price=j + 1)
            OrderLine.objects.create(order=order, product=product, quantity=j + 1)


async def counts():
    out = []
    async for order in Order.objects.all():
        out.append(order.line_count)  # expect: MDB307
    return out


def scenario():
    return asyncio.run(counts())
