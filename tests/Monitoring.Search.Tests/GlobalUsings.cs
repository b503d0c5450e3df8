global using Monitoring.Core.Articles;
global using Monitoring.Core.Enrichment;
global using Monitoring.Core.Search;
