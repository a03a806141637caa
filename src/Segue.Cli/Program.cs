return Segue.Cli.App.Run(args);
