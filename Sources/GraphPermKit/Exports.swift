// The values a program reads from the knowledge base's answers (schemes, answers, load errors) come with the front
// door.
@_exported import GraphPermCore
@_exported import GraphPermJSON
