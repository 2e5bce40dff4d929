module hmaplab.org/mapheader

go 1.19
