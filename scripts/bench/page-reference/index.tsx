/*
 * A stand-in for Microsoft's Office-Addin-TaskPane-React template (Fluent UI v9), to time in the
 * same browser, on the same machine, in the same run as our page: the template's welcome pane
 * (Header with logo, HeroList with three icon items, TextInsertion with a Textarea and a Button),
 * rendered as its index.tsx does, minus Office.js (which would need the network).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { Button, Field, FluentProvider, Image, Textarea, tokens, makeStyles, webLightTheme } from "@fluentui/react-components";
import { DesignIdeas24Regular, LockOpen24Regular, Ribbon24Regular } from "@fluentui/react-icons";

const useHeaderStyles = makeStyles({
  welcome__header: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    paddingBottom: "30px",
    paddingTop: "100px",
    backgroundColor: tokens.colorNeutralBackground3,
  },
  message: { fontSize: tokens.fontSizeHero900, fontWeight: tokens.fontWeightRegular, fontColor: tokens.colorNeutralBackgroundStatic },
});

function Header({ title, logo, message }: { title: string; logo: string; message: string }) {
  const styles = useHeaderStyles();
  return (
    <section className={styles.welcome__header}>
      <Image width="90" height="90" src={logo} alt={title} />
      <h1 className={styles.message}>{message}</h1>
    </section>
  );
}

const useHeroStyles = makeStyles({
  list: { marginTop: "20px" },
  listItem: { paddingBottom: "20px", display: "flex" },
  icon: { marginRight: "10px" },
  itemText: { fontSize: tokens.fontSizeBase300, fontColor: tokens.colorNeutralBackgroundStatic },
  welcome__main: { width: "100%", display: "flex", flexDirection: "column", alignItems: "center" },
  message: {
    fontSize: tokens.fontSizeBase500,
    fontColor: tokens.colorNeutralBackgroundStatic,
    fontWeight: tokens.fontWeightRegular,
    paddingLeft: "10px",
    paddingRight: "10px",
  },
});

function HeroList({ message, items }: { message: string; items: { icon: React.JSX.Element; primaryText: string }[] }) {
  const styles = useHeroStyles();
  return (
    <div className={styles.welcome__main}>
      <h2 className={styles.message}>{message}</h2>
      <ul className={styles.list}>
        {items.map((item, index) => (
          <li className={styles.listItem} key={index}>
            <i className={styles.icon}>{item.icon}</i>
            <span className={styles.itemText}>{item.primaryText}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

const useTextStyles = makeStyles({
  instructions: { fontWeight: tokens.fontWeightSemibold, marginTop: "20px", marginBottom: "10px" },
  textPromptAndInsertion: { display: "flex", flexDirection: "column", alignItems: "center" },
  textAreaField: { marginLeft: "20px", marginTop: "30px", marginBottom: "20px", marginRight: "20px", maxWidth: "50%" },
});

function TextInsertion() {
  const [text, setText] = React.useState("Some text.");
  const styles = useTextStyles();
  return (
    <div className={styles.textPromptAndInsertion}>
      <Field className={styles.textAreaField} size="large" label="Enter text to be inserted into the document.">
        <Textarea size="large" value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <Field className={styles.instructions}>Click the button to insert text.</Field>
      <Button appearance="primary" disabled={false} size="large">
        Insert text
      </Button>
    </div>
  );
}

const useAppStyles = makeStyles({ root: { minHeight: "100vh" } });

function App({ title }: { title: string }) {
  const styles = useAppStyles();
  const listItems = [
    { icon: <Ribbon24Regular />, primaryText: "Achieve more with Office integration" },
    { icon: <LockOpen24Regular />, primaryText: "Unlock features and functionality" },
    { icon: <DesignIdeas24Regular />, primaryText: "Create and visualize like a pro" },
  ];
  return (
    <div className={styles.root}>
      <Header logo="icon-80.png" title={title} message="Welcome" />
      <HeroList message="Discover what this add-in can do for you today!" items={listItems} />
      <TextInsertion />
    </div>
  );
}

const root = createRoot(document.getElementById("container") as HTMLElement);
root.render(
  <FluentProvider theme={webLightTheme}>
    <App title="Contoso Task Pane Add-in" />
  </FluentProvider>,
);
