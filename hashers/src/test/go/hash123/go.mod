module hash123

go 1.24
