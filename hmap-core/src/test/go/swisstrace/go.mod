module swisstrace

go 1.24
