using Monitoring.Tests;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Monitoring.Web.Tests.Deploy;

/// <summary>The files under deploy/, read as plain object graphs (maps, lists, strings) with YAML merge keys applied.</summary>
internal static class DeployFiles
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "deploy");

    public static string ComposeFile => Path.Combine(Folder, "compose.yaml");

    /// <summary>Every document of every manifest under deploy/k8s.</summary>
    public static List<Dictionary<object, object>> KubernetesObjects() =>
        Directory.GetFiles(Path.Combine(Folder, "k8s"), "*.yaml")
            .SelectMany(ReadDocuments)
            .ToList();

    public static Dictionary<object, object> ReadCompose() => ReadDocuments(ComposeFile).Single();

    public static List<Dictionary<object, object>> ReadDocuments(string path)
    {
        using var reader = new StringReader(File.ReadAllText(path));
        var parser = new MergingParser(new Parser(reader));
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<Dictionary<object, object>>();
        parser.Consume<StreamStart>();
        while (!parser.Accept<StreamEnd>(out _))
        {
            if (deserializer.Deserialize(parser) is Dictionary<object, object> document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    public static Dictionary<object, object> Map(this Dictionary<object, object> map, string key) =>
        (Dictionary<object, object>)map[key];

    public static List<object> List(this Dictionary<object, object> map, string key) => (List<object>)map[key];

    public static string Text(this Dictionary<object, object> map, string key) => (string)map[key];

    public static string Kind(this Dictionary<object, object> resource) => resource.Text("kind");

    public static string Name(this Dictionary<object, object> resource) => resource.Map("metadata").Text("name");
}
