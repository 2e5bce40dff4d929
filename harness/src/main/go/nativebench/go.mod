module hmaplab.org/nativebench

go 1.19
