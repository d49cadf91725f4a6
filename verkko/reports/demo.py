"""The reports app has no demo data of its own. It loads last, after the situation app's demo
statistics (table 12r5), so this is where the demo goals' statistical targets are set from them."""

from verkko.goals import demo as goals_demo


def load(stdout):
    goals_demo.fit_statistical_targets(stdout)
