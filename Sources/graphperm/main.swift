import GraphPermCLI

GraphPerm.main()
