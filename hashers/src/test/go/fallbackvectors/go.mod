module fallbackvectors

go 1.19
