module aesvectors

go 1.19
