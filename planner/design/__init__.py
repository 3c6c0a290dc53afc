"""Network design: the cheapest candidate links that close the network gaps."""
