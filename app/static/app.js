var Z=class extends Error{constructor(n,e,r,i){super(r),this.status=n,this.code=e,this.field=i??null}};async function En(t,n,e){let r;try{r=await fetch(n,{method:t,headers:e===void 0?{}:{"Content-Type":"application/json"},body:e===void 0?void 0:JSON.stringify(e)})}catch(a){throw new Z(0,"network_error",`the server did not answer (${a.message})`,null)}let i=await r.text(),o=null;try{o=i?JSON.parse(i):null}catch{o=null}if(!r.ok){let a=o?.error;throw new Z(r.status,a?.code??"http_error",a?.message??`${r.status} ${i.slice(0,200)}`,a?.field??null)}return o}var Gt=(t,n)=>En("POST",t,n),An=t=>En("GET",t);async function _e(){try{let t=await An("/openapi.json"),n=t?.paths??{};return{jobs:!!(n["/v1/jobs"]?.post&&n["/v1/jobs/{job_id}"]?.get),jobResult:!!n["/v1/jobs/{job_id}/result"]?.get,vectors:!!n["/v1/cluster/vectors"]?.post,version:t?.info?.version??""}}catch{return{jobs:!1,jobResult:!1,vectors:!1,version:""}}}var ni=t=>new Promise(n=>setTimeout(n,t));async function Sn(t,n,e,{interval:r=250,signal:i}={}){let o=await Gt("/v1/jobs",{kind:t,...n});for(e(o);!["succeeded","failed","cancelled"].includes(o.status);){if(i?.aborted)throw await En("DELETE",`/v1/jobs/${o.id}`).catch(()=>{}),new Z(0,"cancelled","cancelled",null);await ni(r),o=await An(`/v1/jobs/${o.id}`),e(o)}if(o.status!=="succeeded")throw new Z(422,`job_${o.status}`,`job ${o.status}${o.error?`: ${o.error}`:""}`,null);return{job:o,result:await An(`/v1/jobs/${o.id}/result`)}}var Tn=[{key:"karate",title:"Zachary's karate club (34 nodes)",file:"karate.net",format:"pajek",text:`# Zachary's karate club (34 nodes, 78 edges), 1-based ids
*Vertices 34
1 "1"
2 "2"
3 "3"
4 "4"
5 "5"
6 "6"
7 "7"
8 "8"
9 "9"
10 "10"
11 "11"
12 "12"
13 "13"
14 "14"
15 "15"
16 "16"
17 "17"
18 "18"
19 "19"
20 "20"
21 "21"
22 "22"
23 "23"
24 "24"
25 "25"
26 "26"
27 "27"
28 "28"
29 "29"
30 "30"
31 "31"
32 "32"
33 "33"
34 "34"
*Edges 78
1 2
1 3
1 4
1 5
1 6
1 7
1 8
1 9
1 11
1 12
1 13
1 14
1 18
1 20
1 22
1 32
2 3
2 4
2 8
2 14
2 18
2 20
2 22
2 31
3 4
3 8
3 9
3 10
3 14
3 28
3 29
3 33
4 8
4 13
4 14
5 7
5 11
6 7
6 11
6 17
7 17
9 31
9 33
9 34
10 34
14 34
15 33
15 34
16 33
16 34
19 33
19 34
20 34
21 33
21 34
23 33
23 34
24 26
24 28
24 30
24 33
24 34
25 26
25 28
25 32
26 32
27 30
27 34
28 34
29 32
29 34
30 33
30 34
31 33
31 34
32 33
32 34
33 34
`},{key:"lesmis",title:"Les Mis\xE9rables co-appearances (77 nodes, weighted)",file:"lesmis.net",format:"pajek",text:`# Les Miserables co-appearances (networkx), weighted
*Vertices 77
1 "Anzelma"
2 "Babet"
3 "Bahorel"
4 "Bamatabois"
5 "BaronessT"
6 "Blacheville"
7 "Bossuet"
8 "Boulatruelle"
9 "Brevet"
10 "Brujon"
11 "Champmathieu"
12 "Champtercier"
13 "Chenildieu"
14 "Child1"
15 "Child2"
16 "Claquesous"
17 "Cochepaille"
18 "Combeferre"
19 "Cosette"
20 "Count"
21 "CountessDeLo"
22 "Courfeyrac"
23 "Cravatte"
24 "Dahlia"
25 "Enjolras"
26 "Eponine"
27 "Fameuil"
28 "Fantine"
29 "Fauchelevent"
30 "Favourite"
31 "Feuilly"
32 "Gavroche"
33 "Geborand"
34 "Gervais"
35 "Gillenormand"
36 "Grantaire"
37 "Gribier"
38 "Gueulemer"
39 "Isabeau"
40 "Javert"
41 "Joly"
42 "Jondrette"
43 "Judge"
44 "Labarre"
45 "Listolier"
46 "LtGillenormand"
47 "Mabeuf"
48 "Magnon"
49 "Marguerite"
50 "Marius"
51 "MlleBaptistine"
52 "MlleGillenormand"
53 "MlleVaubois"
54 "MmeBurgon"
55 "MmeDeR"
56 "MmeHucheloup"
57 "MmeMagloire"
58 "MmePontmercy"
59 "MmeThenardier"
60 "Montparnasse"
61 "MotherInnocent"
62 "MotherPlutarch"
63 "Myriel"
64 "Napoleon"
65 "OldMan"
66 "Perpetue"
67 "Pontmercy"
68 "Prouvaire"
69 "Scaufflaire"
70 "Simplice"
71 "Thenardier"
72 "Tholomyes"
73 "Toussaint"
74 "Valjean"
75 "Woman1"
76 "Woman2"
77 "Zephine"
*Edges 254
64 63 1
63 51 8
63 57 10
63 21 1
63 33 1
63 12 1
63 23 1
63 20 2
63 65 1
63 74 5
51 57 6
51 74 3
57 74 3
74 44 1
74 49 1
74 55 1
74 39 1
74 34 1
74 28 9
74 59 7
74 71 12
74 19 31
74 40 17
74 29 8
74 4 2
74 70 3
74 69 1
74 75 2
74 43 3
74 11 3
74 9 2
74 13 2
74 17 2
74 76 3
74 61 1
74 32 1
74 35 2
74 52 2
74 50 19
74 25 4
74 7 1
74 38 1
74 2 1
74 16 1
74 60 1
74 73 1
49 28 2
45 72 4
45 27 4
45 6 4
45 30 3
45 24 3
45 77 3
45 28 3
72 27 4
72 6 4
72 30 3
72 24 3
72 77 3
72 28 3
72 19 1
72 50 1
27 6 4
27 30 3
27 24 3
27 77 3
27 28 3
6 30 4
6 24 3
6 77 3
6 28 3
30 24 5
30 77 4
30 28 4
24 77 4
24 28 4
77 28 4
28 59 2
28 71 1
28 40 5
28 4 1
28 66 1
28 70 2
59 71 13
59 19 4
59 40 1
59 26 2
59 1 1
59 48 1
59 38 1
59 2 1
59 16 1
71 19 1
71 40 5
71 67 1
71 8 1
71 26 3
71 1 2
71 32 1
71 50 2
71 38 5
71 2 6
71 16 4
71 60 1
71 10 3
19 40 1
19 76 1
19 35 3
19 52 2
19 46 1
19 50 21
19 73 2
40 29 1
40 4 1
40 70 1
40 75 1
40 76 1
40 32 1
40 25 6
40 38 1
40 2 2
40 16 1
40 60 1
40 73 1
29 61 3
29 37 2
4 43 2
4 11 2
4 9 1
4 13 1
4 17 1
66 70 2
43 11 3
43 9 2
43 13 2
43 17 2
11 9 2
11 13 2
11 17 2
9 13 2
9 17 2
13 17 2
67 58 1
67 50 1
26 1 2
26 50 5
26 47 1
26 22 1
26 38 1
26 2 1
26 16 1
26 60 1
26 10 1
54 42 1
54 32 2
32 50 4
32 47 1
32 25 7
32 18 6
32 68 1
32 31 2
32 22 7
32 3 5
32 7 5
32 41 3
32 36 1
32 38 1
32 2 1
32 60 1
32 14 2
32 15 2
32 10 1
32 56 1
35 48 1
35 52 9
35 46 1
35 50 12
35 5 1
52 58 1
52 53 1
52 46 2
52 50 6
46 50 1
50 5 1
50 47 1
50 25 7
50 18 5
50 31 1
50 22 9
50 3 1
50 7 5
50 41 2
47 25 1
47 18 2
47 31 1
47 22 2
47 3 2
47 7 1
47 41 1
47 62 3
25 18 15
25 68 4
25 31 6
25 22 17
25 3 4
25 7 10
25 41 5
25 36 3
25 16 1
25 56 1
18 68 2
18 31 5
18 22 13
18 3 5
18 7 9
18 41 5
18 36 1
68 31 2
68 22 3
68 3 2
68 7 2
68 41 2
68 36 1
31 22 6
31 3 3
31 7 6
31 41 5
31 36 1
22 3 6
22 7 12
22 41 5
22 36 2
22 56 1
3 7 4
3 41 5
3 36 1
3 56 1
7 41 7
7 36 3
7 56 1
41 36 2
41 56 1
36 56 1
38 2 6
38 16 4
38 60 2
38 10 3
2 16 4
2 60 2
2 10 3
16 60 2
16 10 1
60 10 1
14 15 3
`},{key:"twotriangles",title:"Two triangles (6 nodes)",file:"twotriangles.net",format:"pajek",text:`# +---+                      +---+
# |   |                      |   |
# | A +------+        +------+ E |
# |   |      |        |      |   |
# +-+-+    +-+-+    +-+-+    +-+-+
#   |      |   |    |   |      |
#   |      | C +----+ D |      |
#   |      |   |    |   |      |
# +-+-+    +-+-+    +-+-+    +-+-+
# |   |      |        |      |   |
# | B +------+        +------+ F |
# |   |                      |   |
# +---+                      +---+
#
*Vertices
1 "A"
2 "B"
3 "C"
4 "D"
5 "E"
6 "F"
*Edges
1 2
1 3
2 3
3 4
4 5
4 6
5 6
`}],be=[{key:"animals-vehicles",title:"Six toy embeddings: animals and vehicles",format:"csv",text:`label,x,y,z
cat,1,0,0
kitten,0.9,0.1,0
lion,0.95,0.05,0
car,0,1,0
truck,0.1,0.9,0
bus,0,0.95,0.05
`}];var Me=[{name:"tree",extension:".tree",media:"text/plain",what:"path flow name node_id (the official hierarchy file)"},{name:"ftree",extension:".ftree",media:"text/plain",what:"the tree plus links between modules"},{name:"clu",extension:".clu",media:"text/plain",what:"node_id module flow (top modules)"},{name:"csv",extension:".csv",media:"text/csv",what:"path,flow,name,node_id"},{name:"newick",extension:".nwk",media:"text/plain",what:"the hierarchy as a Newick tree"},{name:"json",extension:".json",media:"application/json",what:"the API's JSON answer"}];function q(t,n=9){if(Number.isNaN(t))return"nan";if(!Number.isFinite(t))return t>0?"inf":"-inf";if(t===0)return Object.is(t,-0)?"-0":"0";let[e,r]=t.toExponential(n-1).split("e"),i=Number(r),o=a=>a.includes(".")?a.replace(/0+$/,"").replace(/\.$/,""):a;if(i<-4||i>=n){let a=Math.abs(i);return`${o(e)}e${i<0?"-":"+"}${a<10?"0":""}${a}`}return o(t.toFixed(Math.max(0,n-1-i)))}function Cn(t,n){let{response:e,request:r}=t,i=e.trial_codelengths||[e.codelength],o=0;i.forEach((s,u)=>{s<i[o]&&(o=u)});let a=[`# mapeq ${e.metadata?.engine_version??""}`,`# trials ${o+1} of ${r.num_trials}`,`# seed ${r.seed}`,`# partitioned into ${e.num_levels} levels with ${e.num_modules} top modules`,`# codelength ${q(e.codelength)} bits`,`# relative codelength savings ${q(100*e.relative_codelength_savings,6)}%`,`# flow model ${t.flowModel}`];return n&&a.push(`# ${n}`),a.join(`
`)+`
`}var ke=t=>`"${String(t).replaceAll('"',"'")}"`;function Ne(t){let n=[],e=r=>{r.children?r.children.forEach(e):n.push(r)};return e(t),n}function ei(t){return t.parent?t.path:"root"}function $e(t){let n=Ne(t.tree.root).map(e=>`${e.path} ${q(e.flow)} ${ke(e.name)} ${e.node}
`);return Cn(t,"path flow name node_id")+n.join("")}function ri(t){return`path,flow,name,node_id
`+Ne(t.tree.root).map(e=>`${e.path},${q(e.flow)},${ke(e.name)},${e.node}
`).join("")}function ii(t){let{modules:n,node_flow:e}=t.response,r=Object.keys(n),i=s=>e?.[s]??t.tree.byNode.get(s)?.flow??0,a=r.map((s,u)=>u).sort((s,u)=>n[r[s]]-n[r[u]]||s-u).map(s=>`${t.tree.byNode.get(r[s])?.node??r[s]} ${n[r[s]]} ${q(i(r[s]))}
`);return Cn(t,null)+`# module level 1
# node_id module flow
`+a.join("")}function oi(t){let n=r=>{let i=String(r);return/^[\p{L}\p{N}_.-]*$/u.test(i)?i:`'${i.replaceAll("'","''")}'`},e=r=>r.children?`(${r.children.map(e).join(",")}):${q(r.flow)}`:`${n(r.node)}:${q(r.flow)}`;return Cn(t,null)+e(t.tree.root)+`;
`}function si(t){let{tree:n,flows:e,directed:r}=t,i=[`*Links ${r?"directed":"undirected"}`,"#*Links path enterFlow exitFlow numEdges numChildren"],o=new Map;for(let{s,t:u,flow:c}of e){if(s===u)continue;let l=n.byNode.get(s),f=n.byNode.get(u);if(!l||!f)continue;for(;l.parent!==f.parent;){let y=l.depth,p=f.depth;y>=p&&(l=l.parent),p>=y&&(f=f.parent)}let[d,h]=[l.rank,f.rank];!r&&d>h&&([d,h]=[h,d]),o.has(l.parent)||o.set(l.parent,new Map);let x=o.get(l.parent),w=`${d} ${h}`;x.set(w,(x.get(w)??0)+c)}let a=s=>{if(!s.children)return;let u=o.get(s)??new Map;i.push(`*Links ${ei(s)} ${q(s.enter)} ${q(s.exit)} ${u.size} ${s.children.length}`);let c=[...u].map(([l,f])=>[...l.split(" ").map(Number),f]).sort((l,f)=>l[0]-f[0]||l[1]-f[1]);for(let[l,f,d]of c)i.push(`${l} ${f} ${q(d)}`);s.children.forEach(a)};return a(n.root),$e(t)+i.join(`
`)+`
`}function ai(t){return JSON.stringify(t.response,null,1)+`
`}function Ae(t,n){return{tree:$e,ftree:si,clu:ii,csv:ri,newick:oi,json:ai}[n](t)}function ui(t){let n=+this._x.call(null,t),e=+this._y.call(null,t);return Se(this.cover(n,e),n,e,t)}function Se(t,n,e,r){if(isNaN(n)||isNaN(e))return t;var i,o=t._root,a={data:r},s=t._x0,u=t._y0,c=t._x1,l=t._y1,f,d,h,x,w,y,p,b;if(!o)return t._root=a,t;for(;o.length;)if((w=n>=(f=(s+c)/2))?s=f:c=f,(y=e>=(d=(u+l)/2))?u=d:l=d,i=o,!(o=o[p=y<<1|w]))return i[p]=a,t;if(h=+t._x.call(null,o.data),x=+t._y.call(null,o.data),n===h&&e===x)return a.next=o,i?i[p]=a:t._root=a,t;do i=i?i[p]=new Array(4):t._root=new Array(4),(w=n>=(f=(s+c)/2))?s=f:c=f,(y=e>=(d=(u+l)/2))?u=d:l=d;while((p=y<<1|w)===(b=(x>=d)<<1|h>=f));return i[b]=o,i[p]=a,t}function li(t){Array.isArray(t)||(t=Array.from(t));let n=t.length,e=new Float64Array(n),r=new Float64Array(n),i=1/0,o=i,a=-i,s=a;for(let u=0,c,l,f;u<n;++u){if(isNaN(l=+this._x.call(null,c=t[u]))||isNaN(f=+this._y.call(null,c))){e[u]=NaN;continue}e[u]=l,r[u]=f,l<i&&(i=l),l>a&&(a=l),f<o&&(o=f),f>s&&(s=f)}if(i>a||o>s)return this;this.cover(i,o).cover(a,s);for(let u=0;u<n;++u)Se(this,e[u],r[u],t[u]);return this}function ci(t,n){if(isNaN(t=+t)||isNaN(n=+n))return this;var e=this._x0,r=this._y0,i=this._x1,o=this._y1;if(isNaN(e))i=(e=Math.floor(t))+1,o=(r=Math.floor(n))+1;else{for(var a=i-e||1,s=this._root,u,c;e>t||t>=i||r>n||n>=o;)switch(c=(n<r)<<1|t<e,u=new Array(4),u[c]=s,s=u,a*=2,c){case 0:i=e+a,o=r+a;break;case 1:e=i-a,o=r+a;break;case 2:i=e+a,r=o-a;break;case 3:e=i-a,r=o-a;break}this._root&&this._root.length&&(this._root=s)}return this._x0=e,this._y0=r,this._x1=i,this._y1=o,this}function fi(){var t=[];return this.visit(function(n){if(!n.length)do t.push(n.data);while(n=n.next)}),t}function hi(t){return arguments.length?this.cover(+t[0][0],+t[0][1]).cover(+t[1][0],+t[1][1]):isNaN(this._x0)?void 0:[[this._x0,this._y0],[this._x1,this._y1]]}function j(t,n,e,r,i){this.node=t,this.x0=n,this.y0=e,this.x1=r,this.y1=i}function di(t,n,e){var r,i=this._x0,o=this._y0,a,s,u,c,l=this._x1,f=this._y1,d=[],h=this._root,x,w;for(h&&d.push(new j(h,i,o,l,f)),e==null?e=1/0:(i=t-e,o=n-e,l=t+e,f=n+e,e*=e);x=d.pop();)if(!(!(h=x.node)||(a=x.x0)>l||(s=x.y0)>f||(u=x.x1)<i||(c=x.y1)<o))if(h.length){var y=(a+u)/2,p=(s+c)/2;d.push(new j(h[3],y,p,u,c),new j(h[2],a,p,y,c),new j(h[1],y,s,u,p),new j(h[0],a,s,y,p)),(w=(n>=p)<<1|t>=y)&&(x=d[d.length-1],d[d.length-1]=d[d.length-1-w],d[d.length-1-w]=x)}else{var b=t-+this._x.call(null,h.data),k=n-+this._y.call(null,h.data),g=b*b+k*k;if(g<e){var M=Math.sqrt(e=g);i=t-M,o=n-M,l=t+M,f=n+M,r=h.data}}return r}function pi(t){if(isNaN(l=+this._x.call(null,t))||isNaN(f=+this._y.call(null,t)))return this;var n,e=this._root,r,i,o,a=this._x0,s=this._y0,u=this._x1,c=this._y1,l,f,d,h,x,w,y,p;if(!e)return this;if(e.length)for(;;){if((x=l>=(d=(a+u)/2))?a=d:u=d,(w=f>=(h=(s+c)/2))?s=h:c=h,n=e,!(e=e[y=w<<1|x]))return this;if(!e.length)break;(n[y+1&3]||n[y+2&3]||n[y+3&3])&&(r=n,p=y)}for(;e.data!==t;)if(i=e,!(e=e.next))return this;return(o=e.next)&&delete e.next,i?(o?i.next=o:delete i.next,this):n?(o?n[y]=o:delete n[y],(e=n[0]||n[1]||n[2]||n[3])&&e===(n[3]||n[2]||n[1]||n[0])&&!e.length&&(r?r[p]=e:this._root=e),this):(this._root=o,this)}function gi(t){for(var n=0,e=t.length;n<e;++n)this.remove(t[n]);return this}function mi(){return this._root}function yi(){var t=0;return this.visit(function(n){if(!n.length)do++t;while(n=n.next)}),t}function wi(t){var n=[],e,r=this._root,i,o,a,s,u;for(r&&n.push(new j(r,this._x0,this._y0,this._x1,this._y1));e=n.pop();)if(!t(r=e.node,o=e.x0,a=e.y0,s=e.x1,u=e.y1)&&r.length){var c=(o+s)/2,l=(a+u)/2;(i=r[3])&&n.push(new j(i,c,l,s,u)),(i=r[2])&&n.push(new j(i,o,l,c,u)),(i=r[1])&&n.push(new j(i,c,a,s,l)),(i=r[0])&&n.push(new j(i,o,a,c,l))}return this}function vi(t){var n=[],e=[],r;for(this._root&&n.push(new j(this._root,this._x0,this._y0,this._x1,this._y1));r=n.pop();){var i=r.node;if(i.length){var o,a=r.x0,s=r.y0,u=r.x1,c=r.y1,l=(a+u)/2,f=(s+c)/2;(o=i[0])&&n.push(new j(o,a,s,l,f)),(o=i[1])&&n.push(new j(o,l,s,u,f)),(o=i[2])&&n.push(new j(o,a,f,l,c)),(o=i[3])&&n.push(new j(o,l,f,u,c))}e.push(r)}for(;r=e.pop();)t(r.node,r.x0,r.y0,r.x1,r.y1);return this}function xi(t){return t[0]}function _i(t){return arguments.length?(this._x=t,this):this._x}function bi(t){return t[1]}function Mi(t){return arguments.length?(this._y=t,this):this._y}function In(t,n,e){var r=new zn(n??xi,e??bi,NaN,NaN,NaN,NaN);return t==null?r:r.addAll(t)}function zn(t,n,e,r,i,o){this._x=t,this._y=n,this._x0=e,this._y0=r,this._x1=i,this._y1=o,this._root=void 0}function Ee(t){for(var n={data:t.data},e=n;t=t.next;)e=e.next={data:t.data};return n}var X=In.prototype=zn.prototype;X.copy=function(){var t=new zn(this._x,this._y,this._x0,this._y0,this._x1,this._y1),n=this._root,e,r;if(!n)return t;if(!n.length)return t._root=Ee(n),t;for(e=[{source:n,target:t._root=new Array(4)}];n=e.pop();)for(var i=0;i<4;++i)(r=n.source[i])&&(r.length?e.push({source:r,target:n.target[i]=new Array(4)}):n.target[i]=Ee(r));return t};X.add=ui;X.addAll=li;X.cover=ci;X.data=fi;X.extent=hi;X.find=di;X.remove=pi;X.removeAll=gi;X.root=mi;X.size=yi;X.visit=wi;X.visitAfter=vi;X.x=_i;X.y=Mi;var ki={value:()=>{}};function mt(){for(var t=0,n=arguments.length,e={},r;t<n;++t){if(!(r=arguments[t]+"")||r in e||/[\s.]/.test(r))throw new Error("illegal type: "+r);e[r]=[]}return new Ut(e)}function Ut(t){this._=t}function Ni(t,n){return t.trim().split(/^|\s+/).map(function(e){var r="",i=e.indexOf(".");if(i>=0&&(r=e.slice(i+1),e=e.slice(0,i)),e&&!n.hasOwnProperty(e))throw new Error("unknown type: "+e);return{type:e,name:r}})}Ut.prototype=mt.prototype={constructor:Ut,on:function(t,n){var e=this._,r=Ni(t+"",e),i,o=-1,a=r.length;if(arguments.length<2){for(;++o<a;)if((i=(t=r[o]).type)&&(i=$i(e[i],t.name)))return i;return}if(n!=null&&typeof n!="function")throw new Error("invalid callback: "+n);for(;++o<a;)if(i=(t=r[o]).type)e[i]=Te(e[i],t.name,n);else if(n==null)for(i in e)e[i]=Te(e[i],t.name,null);return this},copy:function(){var t={},n=this._;for(var e in n)t[e]=n[e].slice();return new Ut(t)},call:function(t,n){if((i=arguments.length-2)>0)for(var e=new Array(i),r=0,i,o;r<i;++r)e[r]=arguments[r+2];if(!this._.hasOwnProperty(t))throw new Error("unknown type: "+t);for(o=this._[t],r=0,i=o.length;r<i;++r)o[r].value.apply(n,e)},apply:function(t,n,e){if(!this._.hasOwnProperty(t))throw new Error("unknown type: "+t);for(var r=this._[t],i=0,o=r.length;i<o;++i)r[i].value.apply(n,e)}};function $i(t,n){for(var e=0,r=t.length,i;e<r;++e)if((i=t[e]).name===n)return i.value}function Te(t,n,e){for(var r=0,i=t.length;r<i;++r)if(t[r].name===n){t[r]=ki,t=t.slice(0,r).concat(t.slice(r+1));break}return e!=null&&t.push({name:n,value:e}),t}var $t=0,Ot=0,zt=0,Ie=1e3,Kt,Lt,Zt=0,yt=0,tn=0,Rt=typeof performance=="object"&&performance.now?performance:Date,ze=typeof window=="object"&&window.requestAnimationFrame?window.requestAnimationFrame.bind(window):function(t){setTimeout(t,17)};function nn(){return yt||(ze(Ai),yt=Rt.now()+tn)}function Ai(){yt=0}function Qt(){this._call=this._time=this._next=null}Qt.prototype=Ft.prototype={constructor:Qt,restart:function(t,n,e){if(typeof t!="function")throw new TypeError("callback is not a function");e=(e==null?nn():+e)+(n==null?0:+n),!this._next&&Lt!==this&&(Lt?Lt._next=this:Kt=this,Lt=this),this._call=t,this._time=e,On()},stop:function(){this._call&&(this._call=null,this._time=1/0,On())}};function Ft(t,n,e){var r=new Qt;return r.restart(t,n,e),r}function Ei(){nn(),++$t;for(var t=Kt,n;t;)(n=yt-t._time)>=0&&t._call.call(void 0,n),t=t._next;--$t}function Ce(){yt=(Zt=Rt.now())+tn,$t=Ot=0;try{Ei()}finally{$t=0,Ti(),yt=0}}function Si(){var t=Rt.now(),n=t-Zt;n>Ie&&(tn-=n,Zt=t)}function Ti(){for(var t,n=Kt,e,r=1/0;n;)n._call?(r>n._time&&(r=n._time),t=n,n=n._next):(e=n._next,n._next=null,n=t?t._next=e:Kt=e);Lt=t,On(r)}function On(t){if(!$t){Ot&&(Ot=clearTimeout(Ot));var n=t-yt;n>24?(t<1/0&&(Ot=setTimeout(Ce,Math.ceil(t-Rt.now()-tn)+1)),zt&&(zt=clearInterval(zt))):(zt||(Zt=Rt.now(),zt=setInterval(Si,Ie)),$t=1,ze(Ce))}}function Ln(t,n,e){var r=new Qt;return n=n==null?0:+n,r.restart(i=>{r.stop(),t(i+n)},n,e),r}function W(t){return function(){return t}}function At(t){return(t()-.5)*1e-6}function Ci(t){return t.index}function Oe(t,n){var e=t.get(n);if(!e)throw new Error("node not found: "+n);return e}function Re(t){var n=Ci,e=f,r,i=W(30),o,a,s,u,c,l=1;t==null&&(t=[]);function f(y){return 1/Math.min(s[y.source.index],s[y.target.index])}function d(y){for(var p=0,b=t.length;p<l;++p)for(var k=0,g,M,v,I,L,R,z;k<b;++k)g=t[k],M=g.source,v=g.target,I=v.x+v.vx-M.x-M.vx||At(c),L=v.y+v.vy-M.y-M.vy||At(c),R=Math.sqrt(I*I+L*L),R=(R-o[k])/R*y*r[k],I*=R,L*=R,v.vx-=I*(z=u[k]),v.vy-=L*z,M.vx+=I*(z=1-z),M.vy+=L*z}function h(){if(a){var y,p=a.length,b=t.length,k=new Map(a.map((M,v)=>[n(M,v,a),M])),g;for(y=0,s=new Array(p);y<b;++y)g=t[y],g.index=y,typeof g.source!="object"&&(g.source=Oe(k,g.source)),typeof g.target!="object"&&(g.target=Oe(k,g.target)),s[g.source.index]=(s[g.source.index]||0)+1,s[g.target.index]=(s[g.target.index]||0)+1;for(y=0,u=new Array(b);y<b;++y)g=t[y],u[y]=s[g.source.index]/(s[g.source.index]+s[g.target.index]);r=new Array(b),x(),o=new Array(b),w()}}function x(){if(a)for(var y=0,p=t.length;y<p;++y)r[y]=+e(t[y],y,t)}function w(){if(a)for(var y=0,p=t.length;y<p;++y)o[y]=+i(t[y],y,t)}return d.initialize=function(y,p){a=y,c=p,h()},d.links=function(y){return arguments.length?(t=y,h(),d):t},d.id=function(y){return arguments.length?(n=y,d):n},d.iterations=function(y){return arguments.length?(l=+y,d):l},d.strength=function(y){return arguments.length?(e=typeof y=="function"?y:W(+y),x(),d):e},d.distance=function(y){return arguments.length?(i=typeof y=="function"?y:W(+y),w(),d):i},d}var Ii=1664525,zi=1013904223,Le=4294967296;function Oi(){let t=1;return()=>(t=(Ii*t+zi)%Le)/Le}function Li(t){return t.x}function Ri(t){return t.y}var Fi=10,Di=Math.PI*(3-Math.sqrt(5));function Fe(t){var n,e=1,r=.001,i=1-Math.pow(r,1/300),o=0,a=.6,s=new Map,u=Ft(f),c=mt("tick","end"),l=Oi();t==null&&(t=[]);function f(){d(),c.call("tick",n),e<r&&(u.stop(),c.call("end",n))}function d(w){var y,p=t.length,b;w===void 0&&(w=1);for(var k=0;k<w;++k)for(e+=(o-e)*i,s.forEach(function(g){g(e)}),y=0;y<p;++y)b=t[y],b.fx==null?b.x+=b.vx*=a:(b.x=b.fx,b.vx=0),b.fy==null?b.y+=b.vy*=a:(b.y=b.fy,b.vy=0);return n}function h(){for(var w=0,y=t.length,p;w<y;++w){if(p=t[w],p.index=w,p.fx!=null&&(p.x=p.fx),p.fy!=null&&(p.y=p.fy),isNaN(p.x)||isNaN(p.y)){var b=Fi*Math.sqrt(.5+w),k=w*Di;p.x=b*Math.cos(k),p.y=b*Math.sin(k)}(isNaN(p.vx)||isNaN(p.vy))&&(p.vx=p.vy=0)}}function x(w){return w.initialize&&w.initialize(t,l),w}return h(),n={tick:d,restart:function(){return u.restart(f),n},stop:function(){return u.stop(),n},nodes:function(w){return arguments.length?(t=w,h(),s.forEach(x),n):t},alpha:function(w){return arguments.length?(e=+w,n):e},alphaMin:function(w){return arguments.length?(r=+w,n):r},alphaDecay:function(w){return arguments.length?(i=+w,n):+i},alphaTarget:function(w){return arguments.length?(o=+w,n):o},velocityDecay:function(w){return arguments.length?(a=1-w,n):1-a},randomSource:function(w){return arguments.length?(l=w,s.forEach(x),n):l},force:function(w,y){return arguments.length>1?(y==null?s.delete(w):s.set(w,x(y)),n):s.get(w)},find:function(w,y,p){var b=0,k=t.length,g,M,v,I,L;for(p==null?p=1/0:p*=p,b=0;b<k;++b)I=t[b],g=w-I.x,M=y-I.y,v=g*g+M*M,v<p&&(L=I,p=v);return L},on:function(w,y){return arguments.length>1?(c.on(w,y),n):c.on(w)}}}function De(){var t,n,e,r,i=W(-30),o,a=1,s=1/0,u=.81;function c(h){var x,w=t.length,y=In(t,Li,Ri).visitAfter(f);for(r=h,x=0;x<w;++x)n=t[x],y.visit(d)}function l(){if(t){var h,x=t.length,w;for(o=new Array(x),h=0;h<x;++h)w=t[h],o[w.index]=+i(w,h,t)}}function f(h){var x=0,w,y,p=0,b,k,g;if(h.length){for(b=k=g=0;g<4;++g)(w=h[g])&&(y=Math.abs(w.value))&&(x+=w.value,p+=y,b+=y*w.x,k+=y*w.y);h.x=b/p,h.y=k/p}else{w=h,w.x=w.data.x,w.y=w.data.y;do x+=o[w.data.index];while(w=w.next)}h.value=x}function d(h,x,w,y){if(!h.value)return!0;var p=h.x-n.x,b=h.y-n.y,k=y-x,g=p*p+b*b;if(k*k/u<g)return g<s&&(p===0&&(p=At(e),g+=p*p),b===0&&(b=At(e),g+=b*b),g<a&&(g=Math.sqrt(a*g)),n.vx+=p*h.value*r/g,n.vy+=b*h.value*r/g),!0;if(h.length||g>=s)return;(h.data!==n||h.next)&&(p===0&&(p=At(e),g+=p*p),b===0&&(b=At(e),g+=b*b),g<a&&(g=Math.sqrt(a*g)));do h.data!==n&&(k=o[h.data.index]*r/g,n.vx+=p*k,n.vy+=b*k);while(h=h.next)}return c.initialize=function(h,x){t=h,e=x,l()},c.strength=function(h){return arguments.length?(i=typeof h=="function"?h:W(+h),l(),c):i},c.distanceMin=function(h){return arguments.length?(a=h*h,c):Math.sqrt(a)},c.distanceMax=function(h){return arguments.length?(s=h*h,c):Math.sqrt(s)},c.theta=function(h){return arguments.length?(u=h*h,c):Math.sqrt(u)},c}function Be(t){var n=W(.1),e,r,i;typeof t!="function"&&(t=W(t==null?0:+t));function o(s){for(var u=0,c=e.length,l;u<c;++u)l=e[u],l.vx+=(i[u]-l.x)*r[u]*s}function a(){if(e){var s,u=e.length;for(r=new Array(u),i=new Array(u),s=0;s<u;++s)r[s]=isNaN(i[s]=+t(e[s],s,e))?0:+n(e[s],s,e)}}return o.initialize=function(s){e=s,a()},o.strength=function(s){return arguments.length?(n=typeof s=="function"?s:W(+s),a(),o):n},o.x=function(s){return arguments.length?(t=typeof s=="function"?s:W(+s),a(),o):t},o}function Pe(t){var n=W(.1),e,r,i;typeof t!="function"&&(t=W(t==null?0:+t));function o(s){for(var u=0,c=e.length,l;u<c;++u)l=e[u],l.vy+=(i[u]-l.y)*r[u]*s}function a(){if(e){var s,u=e.length;for(r=new Array(u),i=new Array(u),s=0;s<u;++s)r[s]=isNaN(i[s]=+t(e[s],s,e))?0:+n(e[s],s,e)}}return o.initialize=function(s){e=s,a()},o.strength=function(s){return arguments.length?(n=typeof s=="function"?s:W(+s),a(),o):n},o.y=function(s){return arguments.length?(t=typeof s=="function"?s:W(+s),a(),o):t},o}var Rn="http://www.w3.org/1999/xhtml",qe={svg:"http://www.w3.org/2000/svg",xhtml:Rn,xlink:"http://www.w3.org/1999/xlink",xml:"http://www.w3.org/XML/1998/namespace",xmlns:"http://www.w3.org/2000/xmlns/"};function Dt(t){var n=t+="",e=n.indexOf(":");return e>=0&&(n=t.slice(0,e))!=="xmlns"&&(t=t.slice(e+1)),qe.hasOwnProperty(n)?{space:qe[n],local:t}:t}function Bi(t){return function(){var n=this.ownerDocument,e=this.namespaceURI;return e===Rn&&n.documentElement.namespaceURI===Rn?n.createElement(t):n.createElementNS(e,t)}}function Pi(t){return function(){return this.ownerDocument.createElementNS(t.space,t.local)}}function je(t){var n=Dt(t);return(n.local?Pi:Bi)(n)}function qi(){}function rn(t){return t==null?qi:function(){return this.querySelector(t)}}function ji(t){typeof t!="function"&&(t=rn(t));for(var n=this._groups,e=n.length,r=new Array(e),i=0;i<e;++i)for(var o=n[i],a=o.length,s=r[i]=new Array(a),u,c,l=0;l<a;++l)(u=o[l])&&(c=t.call(u,u.__data__,l,o))&&("__data__"in u&&(c.__data__=u.__data__),s[l]=c);return new Y(r,this._parents)}function Xi(t){return t==null?[]:Array.isArray(t)?t:Array.from(t)}function Vi(){return[]}function Dn(t){return t==null?Vi:function(){return this.querySelectorAll(t)}}function Hi(t){return function(){return Xi(t.apply(this,arguments))}}function Wi(t){typeof t=="function"?t=Hi(t):t=Dn(t);for(var n=this._groups,e=n.length,r=[],i=[],o=0;o<e;++o)for(var a=n[o],s=a.length,u,c=0;c<s;++c)(u=a[c])&&(r.push(t.call(u,u.__data__,c,a)),i.push(u));return new Y(r,i)}function Bn(t){return function(){return this.matches(t)}}function Xe(t){return function(n){return n.matches(t)}}var Yi=Array.prototype.find;function Ji(t){return function(){return Yi.call(this.children,t)}}function Gi(){return this.firstElementChild}function Ui(t){return this.select(t==null?Gi:Ji(typeof t=="function"?t:Xe(t)))}var Ki=Array.prototype.filter;function Zi(){return Array.from(this.children)}function Qi(t){return function(){return Ki.call(this.children,t)}}function to(t){return this.selectAll(t==null?Zi:Qi(typeof t=="function"?t:Xe(t)))}function no(t){typeof t!="function"&&(t=Bn(t));for(var n=this._groups,e=n.length,r=new Array(e),i=0;i<e;++i)for(var o=n[i],a=o.length,s=r[i]=[],u,c=0;c<a;++c)(u=o[c])&&t.call(u,u.__data__,c,o)&&s.push(u);return new Y(r,this._parents)}function Ve(t){return new Array(t.length)}function eo(){return new Y(this._enter||this._groups.map(Ve),this._parents)}function en(t,n){this.ownerDocument=t.ownerDocument,this.namespaceURI=t.namespaceURI,this._next=null,this._parent=t,this.__data__=n}en.prototype={constructor:en,appendChild:function(t){return this._parent.insertBefore(t,this._next)},insertBefore:function(t,n){return this._parent.insertBefore(t,n)},querySelector:function(t){return this._parent.querySelector(t)},querySelectorAll:function(t){return this._parent.querySelectorAll(t)}};function ro(t){return function(){return t}}function io(t,n,e,r,i,o){for(var a=0,s,u=n.length,c=o.length;a<c;++a)(s=n[a])?(s.__data__=o[a],r[a]=s):e[a]=new en(t,o[a]);for(;a<u;++a)(s=n[a])&&(i[a]=s)}function oo(t,n,e,r,i,o,a){var s,u,c=new Map,l=n.length,f=o.length,d=new Array(l),h;for(s=0;s<l;++s)(u=n[s])&&(d[s]=h=a.call(u,u.__data__,s,n)+"",c.has(h)?i[s]=u:c.set(h,u));for(s=0;s<f;++s)h=a.call(t,o[s],s,o)+"",(u=c.get(h))?(r[s]=u,u.__data__=o[s],c.delete(h)):e[s]=new en(t,o[s]);for(s=0;s<l;++s)(u=n[s])&&c.get(d[s])===u&&(i[s]=u)}function so(t){return t.__data__}function ao(t,n){if(!arguments.length)return Array.from(this,so);var e=n?oo:io,r=this._parents,i=this._groups;typeof t!="function"&&(t=ro(t));for(var o=i.length,a=new Array(o),s=new Array(o),u=new Array(o),c=0;c<o;++c){var l=r[c],f=i[c],d=f.length,h=uo(t.call(l,l&&l.__data__,c,r)),x=h.length,w=s[c]=new Array(x),y=a[c]=new Array(x),p=u[c]=new Array(d);e(l,f,w,y,p,h,n);for(var b=0,k=0,g,M;b<x;++b)if(g=w[b]){for(b>=k&&(k=b+1);!(M=y[k])&&++k<x;);g._next=M||null}}return a=new Y(a,r),a._enter=s,a._exit=u,a}function uo(t){return typeof t=="object"&&"length"in t?t:Array.from(t)}function lo(){return new Y(this._exit||this._groups.map(Ve),this._parents)}function co(t,n,e){var r=this.enter(),i=this,o=this.exit();return typeof t=="function"?(r=t(r),r&&(r=r.selection())):r=r.append(t+""),n!=null&&(i=n(i),i&&(i=i.selection())),e==null?o.remove():e(o),r&&i?r.merge(i).order():i}function fo(t){for(var n=t.selection?t.selection():t,e=this._groups,r=n._groups,i=e.length,o=r.length,a=Math.min(i,o),s=new Array(i),u=0;u<a;++u)for(var c=e[u],l=r[u],f=c.length,d=s[u]=new Array(f),h,x=0;x<f;++x)(h=c[x]||l[x])&&(d[x]=h);for(;u<i;++u)s[u]=e[u];return new Y(s,this._parents)}function ho(){for(var t=this._groups,n=-1,e=t.length;++n<e;)for(var r=t[n],i=r.length-1,o=r[i],a;--i>=0;)(a=r[i])&&(o&&a.compareDocumentPosition(o)^4&&o.parentNode.insertBefore(a,o),o=a);return this}function po(t){t||(t=go);function n(f,d){return f&&d?t(f.__data__,d.__data__):!f-!d}for(var e=this._groups,r=e.length,i=new Array(r),o=0;o<r;++o){for(var a=e[o],s=a.length,u=i[o]=new Array(s),c,l=0;l<s;++l)(c=a[l])&&(u[l]=c);u.sort(n)}return new Y(i,this._parents).order()}function go(t,n){return t<n?-1:t>n?1:t>=n?0:NaN}function mo(){var t=arguments[0];return arguments[0]=this,t.apply(null,arguments),this}function yo(){return Array.from(this)}function wo(){for(var t=this._groups,n=0,e=t.length;n<e;++n)for(var r=t[n],i=0,o=r.length;i<o;++i){var a=r[i];if(a)return a}return null}function vo(){let t=0;for(let n of this)++t;return t}function xo(){return!this.node()}function _o(t){for(var n=this._groups,e=0,r=n.length;e<r;++e)for(var i=n[e],o=0,a=i.length,s;o<a;++o)(s=i[o])&&t.call(s,s.__data__,o,i);return this}function bo(t){return function(){this.removeAttribute(t)}}function Mo(t){return function(){this.removeAttributeNS(t.space,t.local)}}function ko(t,n){return function(){this.setAttribute(t,n)}}function No(t,n){return function(){this.setAttributeNS(t.space,t.local,n)}}function $o(t,n){return function(){var e=n.apply(this,arguments);e==null?this.removeAttribute(t):this.setAttribute(t,e)}}function Ao(t,n){return function(){var e=n.apply(this,arguments);e==null?this.removeAttributeNS(t.space,t.local):this.setAttributeNS(t.space,t.local,e)}}function Eo(t,n){var e=Dt(t);if(arguments.length<2){var r=this.node();return e.local?r.getAttributeNS(e.space,e.local):r.getAttribute(e)}return this.each((n==null?e.local?Mo:bo:typeof n=="function"?e.local?Ao:$o:e.local?No:ko)(e,n))}function He(t){return t.ownerDocument&&t.ownerDocument.defaultView||t.document&&t||t.defaultView}function So(t){return function(){this.style.removeProperty(t)}}function To(t,n,e){return function(){this.style.setProperty(t,n,e)}}function Co(t,n,e){return function(){var r=n.apply(this,arguments);r==null?this.style.removeProperty(t):this.style.setProperty(t,r,e)}}function Io(t,n,e){return arguments.length>1?this.each((n==null?So:typeof n=="function"?Co:To)(t,n,e??"")):wt(this.node(),t)}function wt(t,n){return t.style.getPropertyValue(n)||He(t).getComputedStyle(t,null).getPropertyValue(n)}function zo(t){return function(){delete this[t]}}function Oo(t,n){return function(){this[t]=n}}function Lo(t,n){return function(){var e=n.apply(this,arguments);e==null?delete this[t]:this[t]=e}}function Ro(t,n){return arguments.length>1?this.each((n==null?zo:typeof n=="function"?Lo:Oo)(t,n)):this.node()[t]}function We(t){return t.trim().split(/^|\s+/)}function Pn(t){return t.classList||new Ye(t)}function Ye(t){this._node=t,this._names=We(t.getAttribute("class")||"")}Ye.prototype={add:function(t){var n=this._names.indexOf(t);n<0&&(this._names.push(t),this._node.setAttribute("class",this._names.join(" ")))},remove:function(t){var n=this._names.indexOf(t);n>=0&&(this._names.splice(n,1),this._node.setAttribute("class",this._names.join(" ")))},contains:function(t){return this._names.indexOf(t)>=0}};function Je(t,n){for(var e=Pn(t),r=-1,i=n.length;++r<i;)e.add(n[r])}function Ge(t,n){for(var e=Pn(t),r=-1,i=n.length;++r<i;)e.remove(n[r])}function Fo(t){return function(){Je(this,t)}}function Do(t){return function(){Ge(this,t)}}function Bo(t,n){return function(){(n.apply(this,arguments)?Je:Ge)(this,t)}}function Po(t,n){var e=We(t+"");if(arguments.length<2){for(var r=Pn(this.node()),i=-1,o=e.length;++i<o;)if(!r.contains(e[i]))return!1;return!0}return this.each((typeof n=="function"?Bo:n?Fo:Do)(e,n))}function qo(){this.textContent=""}function jo(t){return function(){this.textContent=t}}function Xo(t){return function(){var n=t.apply(this,arguments);this.textContent=n??""}}function Vo(t){return arguments.length?this.each(t==null?qo:(typeof t=="function"?Xo:jo)(t)):this.node().textContent}function Ho(){this.innerHTML=""}function Wo(t){return function(){this.innerHTML=t}}function Yo(t){return function(){var n=t.apply(this,arguments);this.innerHTML=n??""}}function Jo(t){return arguments.length?this.each(t==null?Ho:(typeof t=="function"?Yo:Wo)(t)):this.node().innerHTML}function Go(){this.nextSibling&&this.parentNode.appendChild(this)}function Uo(){return this.each(Go)}function Ko(){this.previousSibling&&this.parentNode.insertBefore(this,this.parentNode.firstChild)}function Zo(){return this.each(Ko)}function Qo(t){var n=typeof t=="function"?t:je(t);return this.select(function(){return this.appendChild(n.apply(this,arguments))})}function ts(){return null}function ns(t,n){var e=typeof t=="function"?t:je(t),r=n==null?ts:typeof n=="function"?n:rn(n);return this.select(function(){return this.insertBefore(e.apply(this,arguments),r.apply(this,arguments)||null)})}function es(){var t=this.parentNode;t&&t.removeChild(this)}function rs(){return this.each(es)}function is(){var t=this.cloneNode(!1),n=this.parentNode;return n?n.insertBefore(t,this.nextSibling):t}function os(){var t=this.cloneNode(!0),n=this.parentNode;return n?n.insertBefore(t,this.nextSibling):t}function ss(t){return this.select(t?os:is)}function as(t){return arguments.length?this.property("__data__",t):this.node().__data__}function us(t){return function(n){t.call(this,n,this.__data__)}}function ls(t){return t.trim().split(/^|\s+/).map(function(n){var e="",r=n.indexOf(".");return r>=0&&(e=n.slice(r+1),n=n.slice(0,r)),{type:n,name:e}})}function cs(t){return function(){var n=this.__on;if(n){for(var e=0,r=-1,i=n.length,o;e<i;++e)o=n[e],(!t.type||o.type===t.type)&&o.name===t.name?this.removeEventListener(o.type,o.listener,o.options):n[++r]=o;++r?n.length=r:delete this.__on}}}function fs(t,n,e){return function(){var r=this.__on,i,o=us(n);if(r){for(var a=0,s=r.length;a<s;++a)if((i=r[a]).type===t.type&&i.name===t.name){this.removeEventListener(i.type,i.listener,i.options),this.addEventListener(i.type,i.listener=o,i.options=e),i.value=n;return}}this.addEventListener(t.type,o,e),i={type:t.type,name:t.name,value:n,listener:o,options:e},r?r.push(i):this.__on=[i]}}function hs(t,n,e){var r=ls(t+""),i,o=r.length,a;if(arguments.length<2){var s=this.node().__on;if(s){for(var u=0,c=s.length,l;u<c;++u)for(i=0,l=s[u];i<o;++i)if((a=r[i]).type===l.type&&a.name===l.name)return l.value}return}for(s=n?fs:cs,i=0;i<o;++i)this.each(s(r[i],n,e));return this}function Ue(t,n,e){var r=He(t),i=r.CustomEvent;typeof i=="function"?i=new i(n,e):(i=r.document.createEvent("Event"),e?(i.initEvent(n,e.bubbles,e.cancelable),i.detail=e.detail):i.initEvent(n,!1,!1)),t.dispatchEvent(i)}function ds(t,n){return function(){return Ue(this,t,n)}}function ps(t,n){return function(){return Ue(this,t,n.apply(this,arguments))}}function gs(t,n){return this.each((typeof n=="function"?ps:ds)(t,n))}function*ms(){for(var t=this._groups,n=0,e=t.length;n<e;++n)for(var r=t[n],i=0,o=r.length,a;i<o;++i)(a=r[i])&&(yield a)}var Ke=[null];function Y(t,n){this._groups=t,this._parents=n}function vt(){return new Y([[document.documentElement]],Ke)}function ys(){return this}Y.prototype=vt.prototype={constructor:Y,select:ji,selectAll:Wi,selectChild:Ui,selectChildren:to,filter:no,data:ao,enter:eo,exit:lo,join:co,merge:fo,selection:ys,order:ho,sort:po,call:mo,nodes:yo,node:wo,size:vo,empty:xo,each:_o,attr:Eo,style:Io,property:Ro,classed:Po,text:Vo,html:Jo,raise:Uo,lower:Zo,append:Qo,insert:ns,remove:rs,clone:ss,datum:as,on:hs,dispatch:gs,[Symbol.iterator]:ms};function J(t){return typeof t=="string"?new Y([[document.querySelector(t)]],[document.documentElement]):new Y([[t]],Ke)}var ws=0;function vs(){return new Fn}function Fn(){this._="@"+(++ws).toString(36)}Fn.prototype=vs.prototype={constructor:Fn,get:function(t){for(var n=this._;!(n in t);)if(!(t=t.parentNode))return;return t[n]},set:function(t,n){return t[this._]=n},remove:function(t){return this._ in t&&delete t[this._]},toString:function(){return this._}};function xs(t){let n;for(;n=t.sourceEvent;)t=n;return t}function at(t,n){if(t=xs(t),n===void 0&&(n=t.currentTarget),n){var e=n.ownerSVGElement||n;if(e.createSVGPoint){var r=e.createSVGPoint();return r.x=t.clientX,r.y=t.clientY,r=r.matrixTransform(n.getScreenCTM().inverse()),[r.x,r.y]}if(n.getBoundingClientRect){var i=n.getBoundingClientRect();return[t.clientX-i.left-n.clientLeft,t.clientY-i.top-n.clientTop]}}return[t.pageX,t.pageY]}var qn={capture:!0,passive:!1};function jn(t){t.preventDefault(),t.stopImmediatePropagation()}function Ze(t){var n=t.document.documentElement,e=J(t).on("dragstart.drag",jn,qn);"onselectstart"in n?e.on("selectstart.drag",jn,qn):(n.__noselect=n.style.MozUserSelect,n.style.MozUserSelect="none")}function Qe(t,n){var e=t.document.documentElement,r=J(t).on("dragstart.drag",null);n&&(r.on("click.drag",jn,qn),setTimeout(function(){r.on("click.drag",null)},0)),"onselectstart"in e?r.on("selectstart.drag",null):(e.style.MozUserSelect=e.__noselect,delete e.__noselect)}function _s(t,{sourceEvent:n,subject:e,target:r,identifier:i,active:o,x:a,y:s,dx:u,dy:c,dispatch:l}){Object.defineProperties(this,{type:{value:t,enumerable:!0,configurable:!0},sourceEvent:{value:n,enumerable:!0,configurable:!0},subject:{value:e,enumerable:!0,configurable:!0},target:{value:r,enumerable:!0,configurable:!0},identifier:{value:i,enumerable:!0,configurable:!0},active:{value:o,enumerable:!0,configurable:!0},x:{value:a,enumerable:!0,configurable:!0},y:{value:s,enumerable:!0,configurable:!0},dx:{value:u,enumerable:!0,configurable:!0},dy:{value:c,enumerable:!0,configurable:!0},_:{value:l}})}_s.prototype.on=function(){var t=this._.on.apply(this._,arguments);return t===this._?this:t};function Ct(t,n,e){t.prototype=n.prototype=e,e.constructor=t}function qt(t,n){var e=Object.create(t.prototype);for(var r in n)e[r]=n[r];return e}function dt(){}var Mt=.7,Tt=1/Mt,Et="\\s*([+-]?\\d+)\\s*",Bt="\\s*([+-]?(?:\\d*\\.)?\\d+(?:[eE][+-]?\\d+)?)\\s*",et="\\s*([+-]?(?:\\d*\\.)?\\d+(?:[eE][+-]?\\d+)?)%\\s*",bs=/^#([0-9a-f]{3,8})$/,Ms=new RegExp(`^rgb\\(${Et},${Et},${Et}\\)$`),ks=new RegExp(`^rgb\\(${et},${et},${et}\\)$`),Ns=new RegExp(`^rgba\\(${Et},${Et},${Et},${Bt}\\)$`),$s=new RegExp(`^rgba\\(${et},${et},${et},${Bt}\\)$`),As=new RegExp(`^hsl\\(${Bt},${et},${et}\\)$`),Es=new RegExp(`^hsla\\(${Bt},${et},${et},${Bt}\\)$`),tr={aliceblue:15792383,antiquewhite:16444375,aqua:65535,aquamarine:8388564,azure:15794175,beige:16119260,bisque:16770244,black:0,blanchedalmond:16772045,blue:255,blueviolet:9055202,brown:10824234,burlywood:14596231,cadetblue:6266528,chartreuse:8388352,chocolate:13789470,coral:16744272,cornflowerblue:6591981,cornsilk:16775388,crimson:14423100,cyan:65535,darkblue:139,darkcyan:35723,darkgoldenrod:12092939,darkgray:11119017,darkgreen:25600,darkgrey:11119017,darkkhaki:12433259,darkmagenta:9109643,darkolivegreen:5597999,darkorange:16747520,darkorchid:10040012,darkred:9109504,darksalmon:15308410,darkseagreen:9419919,darkslateblue:4734347,darkslategray:3100495,darkslategrey:3100495,darkturquoise:52945,darkviolet:9699539,deeppink:16716947,deepskyblue:49151,dimgray:6908265,dimgrey:6908265,dodgerblue:2003199,firebrick:11674146,floralwhite:16775920,forestgreen:2263842,fuchsia:16711935,gainsboro:14474460,ghostwhite:16316671,gold:16766720,goldenrod:14329120,gray:8421504,green:32768,greenyellow:11403055,grey:8421504,honeydew:15794160,hotpink:16738740,indianred:13458524,indigo:4915330,ivory:16777200,khaki:15787660,lavender:15132410,lavenderblush:16773365,lawngreen:8190976,lemonchiffon:16775885,lightblue:11393254,lightcoral:15761536,lightcyan:14745599,lightgoldenrodyellow:16448210,lightgray:13882323,lightgreen:9498256,lightgrey:13882323,lightpink:16758465,lightsalmon:16752762,lightseagreen:2142890,lightskyblue:8900346,lightslategray:7833753,lightslategrey:7833753,lightsteelblue:11584734,lightyellow:16777184,lime:65280,limegreen:3329330,linen:16445670,magenta:16711935,maroon:8388608,mediumaquamarine:6737322,mediumblue:205,mediumorchid:12211667,mediumpurple:9662683,mediumseagreen:3978097,mediumslateblue:8087790,mediumspringgreen:64154,mediumturquoise:4772300,mediumvioletred:13047173,midnightblue:1644912,mintcream:16121850,mistyrose:16770273,moccasin:16770229,navajowhite:16768685,navy:128,oldlace:16643558,olive:8421376,olivedrab:7048739,orange:16753920,orangered:16729344,orchid:14315734,palegoldenrod:15657130,palegreen:10025880,paleturquoise:11529966,palevioletred:14381203,papayawhip:16773077,peachpuff:16767673,peru:13468991,pink:16761035,plum:14524637,powderblue:11591910,purple:8388736,rebeccapurple:6697881,red:16711680,rosybrown:12357519,royalblue:4286945,saddlebrown:9127187,salmon:16416882,sandybrown:16032864,seagreen:3050327,seashell:16774638,sienna:10506797,silver:12632256,skyblue:8900331,slateblue:6970061,slategray:7372944,slategrey:7372944,snow:16775930,springgreen:65407,steelblue:4620980,tan:13808780,teal:32896,thistle:14204888,tomato:16737095,turquoise:4251856,violet:15631086,wheat:16113331,white:16777215,whitesmoke:16119285,yellow:16776960,yellowgreen:10145074};Ct(dt,kt,{copy(t){return Object.assign(new this.constructor,this,t)},displayable(){return this.rgb().displayable()},hex:nr,formatHex:nr,formatHex8:Ss,formatHsl:Ts,formatRgb:er,toString:er});function nr(){return this.rgb().formatHex()}function Ss(){return this.rgb().formatHex8()}function Ts(){return fr(this).formatHsl()}function er(){return this.rgb().formatRgb()}function kt(t){var n,e;return t=(t+"").trim().toLowerCase(),(n=bs.exec(t))?(e=n[1].length,n=parseInt(n[1],16),e===6?rr(n):e===3?new D(n>>8&15|n>>4&240,n>>4&15|n&240,(n&15)<<4|n&15,1):e===8?on(n>>24&255,n>>16&255,n>>8&255,(n&255)/255):e===4?on(n>>12&15|n>>8&240,n>>8&15|n>>4&240,n>>4&15|n&240,((n&15)<<4|n&15)/255):null):(n=Ms.exec(t))?new D(n[1],n[2],n[3],1):(n=ks.exec(t))?new D(n[1]*255/100,n[2]*255/100,n[3]*255/100,1):(n=Ns.exec(t))?on(n[1],n[2],n[3],n[4]):(n=$s.exec(t))?on(n[1]*255/100,n[2]*255/100,n[3]*255/100,n[4]):(n=As.exec(t))?sr(n[1],n[2]/100,n[3]/100,1):(n=Es.exec(t))?sr(n[1],n[2]/100,n[3]/100,n[4]):tr.hasOwnProperty(t)?rr(tr[t]):t==="transparent"?new D(NaN,NaN,NaN,0):null}function rr(t){return new D(t>>16&255,t>>8&255,t&255,1)}function on(t,n,e,r){return r<=0&&(t=n=e=NaN),new D(t,n,e,r)}function Jn(t){return t instanceof dt||(t=kt(t)),t?(t=t.rgb(),new D(t.r,t.g,t.b,t.opacity)):new D}function jt(t,n,e,r){return arguments.length===1?Jn(t):new D(t,n,e,r??1)}function D(t,n,e,r){this.r=+t,this.g=+n,this.b=+e,this.opacity=+r}Ct(D,jt,qt(dt,{brighter(t){return t=t==null?Tt:Math.pow(Tt,t),new D(this.r*t,this.g*t,this.b*t,this.opacity)},darker(t){return t=t==null?Mt:Math.pow(Mt,t),new D(this.r*t,this.g*t,this.b*t,this.opacity)},rgb(){return this},clamp(){return new D(_t(this.r),_t(this.g),_t(this.b),an(this.opacity))},displayable(){return-.5<=this.r&&this.r<255.5&&-.5<=this.g&&this.g<255.5&&-.5<=this.b&&this.b<255.5&&0<=this.opacity&&this.opacity<=1},hex:ir,formatHex:ir,formatHex8:Cs,formatRgb:or,toString:or}));function ir(){return`#${xt(this.r)}${xt(this.g)}${xt(this.b)}`}function Cs(){return`#${xt(this.r)}${xt(this.g)}${xt(this.b)}${xt((isNaN(this.opacity)?1:this.opacity)*255)}`}function or(){let t=an(this.opacity);return`${t===1?"rgb(":"rgba("}${_t(this.r)}, ${_t(this.g)}, ${_t(this.b)}${t===1?")":`, ${t})`}`}function an(t){return isNaN(t)?1:Math.max(0,Math.min(1,t))}function _t(t){return Math.max(0,Math.min(255,Math.round(t)||0))}function xt(t){return t=_t(t),(t<16?"0":"")+t.toString(16)}function sr(t,n,e,r){return r<=0?t=n=e=NaN:e<=0||e>=1?t=n=NaN:n<=0&&(t=NaN),new Q(t,n,e,r)}function fr(t){if(t instanceof Q)return new Q(t.h,t.s,t.l,t.opacity);if(t instanceof dt||(t=kt(t)),!t)return new Q;if(t instanceof Q)return t;t=t.rgb();var n=t.r/255,e=t.g/255,r=t.b/255,i=Math.min(n,e,r),o=Math.max(n,e,r),a=NaN,s=o-i,u=(o+i)/2;return s?(n===o?a=(e-r)/s+(e<r)*6:e===o?a=(r-n)/s+2:a=(n-e)/s+4,s/=u<.5?o+i:2-o-i,a*=60):s=u>0&&u<1?0:a,new Q(a,s,u,t.opacity)}function ln(t,n,e,r){return arguments.length===1?fr(t):new Q(t,n,e,r??1)}function Q(t,n,e,r){this.h=+t,this.s=+n,this.l=+e,this.opacity=+r}Ct(Q,ln,qt(dt,{brighter(t){return t=t==null?Tt:Math.pow(Tt,t),new Q(this.h,this.s,this.l*t,this.opacity)},darker(t){return t=t==null?Mt:Math.pow(Mt,t),new Q(this.h,this.s,this.l*t,this.opacity)},rgb(){var t=this.h%360+(this.h<0)*360,n=isNaN(t)||isNaN(this.s)?0:this.s,e=this.l,r=e+(e<.5?e:1-e)*n,i=2*e-r;return new D(Xn(t>=240?t-240:t+120,i,r),Xn(t,i,r),Xn(t<120?t+240:t-120,i,r),this.opacity)},clamp(){return new Q(ar(this.h),sn(this.s),sn(this.l),an(this.opacity))},displayable(){return(0<=this.s&&this.s<=1||isNaN(this.s))&&0<=this.l&&this.l<=1&&0<=this.opacity&&this.opacity<=1},formatHsl(){let t=an(this.opacity);return`${t===1?"hsl(":"hsla("}${ar(this.h)}, ${sn(this.s)*100}%, ${sn(this.l)*100}%${t===1?")":`, ${t})`}`}}));function ar(t){return t=(t||0)%360,t<0?t+360:t}function sn(t){return Math.max(0,Math.min(1,t||0))}function Xn(t,n,e){return(t<60?n+(e-n)*t/60:t<180?e:t<240?n+(e-n)*(240-t)/60:n)*255}var hr=Math.PI/180,dr=180/Math.PI,un=18,pr=.96422,gr=1,mr=.82521,yr=4/29,St=6/29,wr=3*St*St,Is=St*St*St;function vr(t){if(t instanceof rt)return new rt(t.l,t.a,t.b,t.opacity);if(t instanceof ut)return _r(t);t instanceof D||(t=Jn(t));var n=Yn(t.r),e=Yn(t.g),r=Yn(t.b),i=Vn((.2225045*n+.7168786*e+.0606169*r)/gr),o,a;return n===e&&e===r?o=a=i:(o=Vn((.4360747*n+.3850649*e+.1430804*r)/pr),a=Vn((.0139322*n+.0971045*e+.7141733*r)/mr)),new rt(116*i-16,500*(o-i),200*(i-a),t.opacity)}function xr(t,n,e,r){return arguments.length===1?vr(t):new rt(t,n,e,r??1)}function rt(t,n,e,r){this.l=+t,this.a=+n,this.b=+e,this.opacity=+r}Ct(rt,xr,qt(dt,{brighter(t){return new rt(this.l+un*(t??1),this.a,this.b,this.opacity)},darker(t){return new rt(this.l-un*(t??1),this.a,this.b,this.opacity)},rgb(){var t=(this.l+16)/116,n=isNaN(this.a)?t:t+this.a/500,e=isNaN(this.b)?t:t-this.b/200;return n=pr*Hn(n),t=gr*Hn(t),e=mr*Hn(e),new D(Wn(3.1338561*n-1.6168667*t-.4906146*e),Wn(-.9787684*n+1.9161415*t+.033454*e),Wn(.0719453*n-.2289914*t+1.4052427*e),this.opacity)}}));function Vn(t){return t>Is?Math.pow(t,1/3):t/wr+yr}function Hn(t){return t>St?t*t*t:wr*(t-yr)}function Wn(t){return 255*(t<=.0031308?12.92*t:1.055*Math.pow(t,1/2.4)-.055)}function Yn(t){return(t/=255)<=.04045?t/12.92:Math.pow((t+.055)/1.055,2.4)}function zs(t){if(t instanceof ut)return new ut(t.h,t.c,t.l,t.opacity);if(t instanceof rt||(t=vr(t)),t.a===0&&t.b===0)return new ut(NaN,0<t.l&&t.l<100?0:NaN,t.l,t.opacity);var n=Math.atan2(t.b,t.a)*dr;return new ut(n<0?n+360:n,Math.sqrt(t.a*t.a+t.b*t.b),t.l,t.opacity)}function cn(t,n,e,r){return arguments.length===1?zs(t):new ut(t,n,e,r??1)}function ut(t,n,e,r){this.h=+t,this.c=+n,this.l=+e,this.opacity=+r}function _r(t){if(isNaN(t.h))return new rt(t.l,0,0,t.opacity);var n=t.h*hr;return new rt(t.l,Math.cos(n)*t.c,Math.sin(n)*t.c,t.opacity)}Ct(ut,cn,qt(dt,{brighter(t){return new ut(this.h,this.c,this.l+un*(t??1),this.opacity)},darker(t){return new ut(this.h,this.c,this.l-un*(t??1),this.opacity)},rgb(){return _r(this).rgb()}}));var br=-.14861,Gn=1.78277,Un=-.29227,fn=-.90649,Pt=1.97294,ur=Pt*fn,lr=Pt*Gn,cr=Gn*Un-fn*br;function Os(t){if(t instanceof bt)return new bt(t.h,t.s,t.l,t.opacity);t instanceof D||(t=Jn(t));var n=t.r/255,e=t.g/255,r=t.b/255,i=(cr*r+ur*n-lr*e)/(cr+ur-lr),o=r-i,a=(Pt*(e-i)-Un*o)/fn,s=Math.sqrt(a*a+o*o)/(Pt*i*(1-i)),u=s?Math.atan2(a,o)*dr-120:NaN;return new bt(u<0?u+360:u,s,i,t.opacity)}function hn(t,n,e,r){return arguments.length===1?Os(t):new bt(t,n,e,r??1)}function bt(t,n,e,r){this.h=+t,this.s=+n,this.l=+e,this.opacity=+r}Ct(bt,hn,qt(dt,{brighter(t){return t=t==null?Tt:Math.pow(Tt,t),new bt(this.h,this.s,this.l*t,this.opacity)},darker(t){return t=t==null?Mt:Math.pow(Mt,t),new bt(this.h,this.s,this.l*t,this.opacity)},rgb(){var t=isNaN(this.h)?0:(this.h+120)*hr,n=+this.l,e=isNaN(this.s)?0:this.s*n*(1-n),r=Math.cos(t),i=Math.sin(t);return new D(255*(n+e*(br*r+Gn*i)),255*(n+e*(Un*r+fn*i)),255*(n+e*(Pt*r)),this.opacity)}}));function Nr(t,n,e,r,i){var o=t*t,a=o*t;return((1-3*t+3*o-a)*n+(4-6*o+3*a)*e+(1+3*t+3*o-3*a)*r+a*i)/6}function Ls(t){var n=t.length-1;return function(e){var r=e<=0?e=0:e>=1?(e=1,n-1):Math.floor(e*n),i=t[r],o=t[r+1],a=r>0?t[r-1]:2*i-o,s=r<n-1?t[r+2]:2*o-i;return Nr((e-r/n)*n,a,i,o,s)}}function Rs(t){var n=t.length;return function(e){var r=Math.floor(((e%=1)<0?++e:e)*n),i=t[(r+n-1)%n],o=t[r%n],a=t[(r+1)%n],s=t[(r+2)%n];return Nr((e-r/n)*n,i,o,a,s)}}var te=t=>()=>t;function $r(t,n){return function(e){return t+e*n}}function Fs(t,n,e){return t=Math.pow(t,e),n=Math.pow(n,e)-t,e=1/e,function(r){return Math.pow(t+r*n,e)}}function ne(t,n){var e=n-t;return e?$r(t,e>180||e<-180?e-360*Math.round(e/360):e):te(isNaN(t)?n:t)}function Ds(t){return(t=+t)==1?V:function(n,e){return e-n?Fs(n,e,t):te(isNaN(n)?e:n)}}function V(t,n){var e=n-t;return e?$r(t,e):te(isNaN(t)?n:t)}var ee=(function t(n){var e=Ds(n);function r(i,o){var a=e((i=jt(i)).r,(o=jt(o)).r),s=e(i.g,o.g),u=e(i.b,o.b),c=V(i.opacity,o.opacity);return function(l){return i.r=a(l),i.g=s(l),i.b=u(l),i.opacity=c(l),i+""}}return r.gamma=t,r})(1);function Ar(t){return function(n){var e=n.length,r=new Array(e),i=new Array(e),o=new Array(e),a,s;for(a=0;a<e;++a)s=jt(n[a]),r[a]=s.r||0,i[a]=s.g||0,o[a]=s.b||0;return r=t(r),i=t(i),o=t(o),s.opacity=1,function(u){return s.r=r(u),s.g=i(u),s.b=o(u),s+""}}}var Vu=Ar(Ls),Hu=Ar(Rs);function lt(t,n){return t=+t,n=+n,function(e){return t*(1-e)+n*e}}var Zn=/[-+]?(?:\d+\.?\d*|\.?\d+)(?:[eE][-+]?\d+)?/g,Kn=new RegExp(Zn.source,"g");function Bs(t){return function(){return t}}function Ps(t){return function(n){return t(n)+""}}function Er(t,n){var e=Zn.lastIndex=Kn.lastIndex=0,r,i,o,a=-1,s=[],u=[];for(t=t+"",n=n+"";(r=Zn.exec(t))&&(i=Kn.exec(n));)(o=i.index)>e&&(o=n.slice(e,o),s[a]?s[a]+=o:s[++a]=o),(r=r[0])===(i=i[0])?s[a]?s[a]+=i:s[++a]=i:(s[++a]=null,u.push({i:a,x:lt(r,i)})),e=Kn.lastIndex;return e<n.length&&(o=n.slice(e),s[a]?s[a]+=o:s[++a]=o),s.length<2?u[0]?Ps(u[0].x):Bs(n):(n=u.length,function(c){for(var l=0,f;l<n;++l)s[(f=u[l]).i]=f.x(c);return s.join("")})}var Mr=180/Math.PI,Qn={translateX:0,translateY:0,rotate:0,skewX:0,scaleX:1,scaleY:1};function Sr(t,n,e,r,i,o){var a,s,u;return(a=Math.sqrt(t*t+n*n))&&(t/=a,n/=a),(u=t*e+n*r)&&(e-=t*u,r-=n*u),(s=Math.sqrt(e*e+r*r))&&(e/=s,r/=s,u/=s),t*r<n*e&&(t=-t,n=-n,u=-u,a=-a),{translateX:i,translateY:o,rotate:Math.atan2(n,t)*Mr,skewX:Math.atan(u)*Mr,scaleX:a,scaleY:s}}var dn;function qs(t){let n=new(typeof DOMMatrix=="function"?DOMMatrix:WebKitCSSMatrix)(t+"");return n.isIdentity?Qn:Sr(n.a,n.b,n.c,n.d,n.e,n.f)}function js(t){return t==null||(dn||(dn=document.createElementNS("http://www.w3.org/2000/svg","g")),dn.setAttribute("transform",t),!(t=dn.transform.baseVal.consolidate()))?Qn:(t=t.matrix,Sr(t.a,t.b,t.c,t.d,t.e,t.f))}function Tr(t,n,e,r){function i(c){return c.length?c.pop()+" ":""}function o(c,l,f,d,h,x){if(c!==f||l!==d){var w=h.push("translate(",null,n,null,e);x.push({i:w-4,x:lt(c,f)},{i:w-2,x:lt(l,d)})}else(f||d)&&h.push("translate("+f+n+d+e)}function a(c,l,f,d){c!==l?(c-l>180?l+=360:l-c>180&&(c+=360),d.push({i:f.push(i(f)+"rotate(",null,r)-2,x:lt(c,l)})):l&&f.push(i(f)+"rotate("+l+r)}function s(c,l,f,d){c!==l?d.push({i:f.push(i(f)+"skewX(",null,r)-2,x:lt(c,l)}):l&&f.push(i(f)+"skewX("+l+r)}function u(c,l,f,d,h,x){if(c!==f||l!==d){var w=h.push(i(h)+"scale(",null,",",null,")");x.push({i:w-4,x:lt(c,f)},{i:w-2,x:lt(l,d)})}else(f!==1||d!==1)&&h.push(i(h)+"scale("+f+","+d+")")}return function(c,l){var f=[],d=[];return c=t(c),l=t(l),o(c.translateX,c.translateY,l.translateX,l.translateY,f,d),a(c.rotate,l.rotate,f,d),s(c.skewX,l.skewX,f,d),u(c.scaleX,c.scaleY,l.scaleX,l.scaleY,f,d),c=l=null,function(h){for(var x=-1,w=d.length,y;++x<w;)f[(y=d[x]).i]=y.x(h);return f.join("")}}}var Cr=Tr(qs,"px, ","px)","deg)"),Ir=Tr(js,", ",")",")"),Xs=1e-12;function kr(t){return((t=Math.exp(t))+1/t)/2}function Vs(t){return((t=Math.exp(t))-1/t)/2}function Hs(t){return((t=Math.exp(2*t))-1)/(t+1)}var zr=(function t(n,e,r){function i(o,a){var s=o[0],u=o[1],c=o[2],l=a[0],f=a[1],d=a[2],h=l-s,x=f-u,w=h*h+x*x,y,p;if(w<Xs)p=Math.log(d/c)/n,y=function(I){return[s+I*h,u+I*x,c*Math.exp(n*I*p)]};else{var b=Math.sqrt(w),k=(d*d-c*c+r*w)/(2*c*e*b),g=(d*d-c*c-r*w)/(2*d*e*b),M=Math.log(Math.sqrt(k*k+1)-k),v=Math.log(Math.sqrt(g*g+1)-g);p=(v-M)/n,y=function(I){var L=I*p,R=kr(M),z=c/(e*b)*(R*Hs(n*L+M)-Vs(M));return[s+z*h,u+z*x,c*R/kr(n*L+M)]}}return y.duration=Math.abs(p)*1e3*n/Math.SQRT2,y}return i.rho=function(o){var a=Math.max(.001,+o),s=a*a,u=s*s;return t(a,s,u)},i})(Math.SQRT2,2,4);function Or(t){return function(n,e){var r=t((n=ln(n)).h,(e=ln(e)).h),i=V(n.s,e.s),o=V(n.l,e.l),a=V(n.opacity,e.opacity);return function(s){return n.h=r(s),n.s=i(s),n.l=o(s),n.opacity=a(s),n+""}}}var Wu=Or(ne),Yu=Or(V);function Lr(t){return function(n,e){var r=t((n=cn(n)).h,(e=cn(e)).h),i=V(n.c,e.c),o=V(n.l,e.l),a=V(n.opacity,e.opacity);return function(s){return n.h=r(s),n.c=i(s),n.l=o(s),n.opacity=a(s),n+""}}}var Ju=Lr(ne),Gu=Lr(V);function Rr(t){return(function n(e){e=+e;function r(i,o){var a=t((i=hn(i)).h,(o=hn(o)).h),s=V(i.s,o.s),u=V(i.l,o.l),c=V(i.opacity,o.opacity);return function(l){return i.h=a(l),i.s=s(l),i.l=u(Math.pow(l,e)),i.opacity=c(l),i+""}}return r.gamma=n,r})(1)}var Uu=Rr(ne),Ku=Rr(V);function Dr(t){return((t*=2)<=1?t*t*t:(t-=2)*t*t+2)/2}var re=3,Qu=(function t(n){n=+n;function e(r){return Math.pow(r,n)}return e.exponent=t,e})(re),tl=(function t(n){n=+n;function e(r){return 1-Math.pow(1-r,n)}return e.exponent=t,e})(re),nl=(function t(n){n=+n;function e(r){return((r*=2)<=1?Math.pow(r,n):2-Math.pow(2-r,n))/2}return e.exponent=t,e})(re),Ws=Math.PI,el=Ws/2;function pn(t){return(Math.pow(2,-10*t)-.0009765625)*1.0009775171065494}var Fr=4/11,rl=6/11,il=8/11,ol=3/4,sl=9/11,al=10/11,ul=15/16,ll=21/22,cl=63/64,fl=1/Fr/Fr;var ie=1.70158,hl=(function t(n){n=+n;function e(r){return(r=+r)*r*(n*(r-1)+r)}return e.overshoot=t,e})(ie),dl=(function t(n){n=+n;function e(r){return--r*r*((r+1)*n+r)+1}return e.overshoot=t,e})(ie),pl=(function t(n){n=+n;function e(r){return((r*=2)<1?r*r*((n+1)*r-n):(r-=2)*r*((n+1)*r+n)+2)/2}return e.overshoot=t,e})(ie),It=2*Math.PI,oe=1,se=.3,gl=(function t(n,e){var r=Math.asin(1/(n=Math.max(1,n)))*(e/=It);function i(o){return n*pn(- --o)*Math.sin((r-o)/e)}return i.amplitude=function(o){return t(o,e*It)},i.period=function(o){return t(n,o)},i})(oe,se),ml=(function t(n,e){var r=Math.asin(1/(n=Math.max(1,n)))*(e/=It);function i(o){return 1-n*pn(o=+o)*Math.sin((o+r)/e)}return i.amplitude=function(o){return t(o,e*It)},i.period=function(o){return t(n,o)},i})(oe,se),yl=(function t(n,e){var r=Math.asin(1/(n=Math.max(1,n)))*(e/=It);function i(o){return((o=o*2-1)<0?n*pn(-o)*Math.sin((r-o)/e):2-n*pn(o)*Math.sin((r+o)/e))/2}return i.amplitude=function(o){return t(o,e*It)},i.period=function(o){return t(n,o)},i})(oe,se);var Ys=mt("start","end","cancel","interrupt"),Js=[],qr=0,Br=1,ae=2,gn=3,Pr=4,ue=5,mn=6;function yn(t,n,e,r,i,o){var a=t.__transition;if(!a)t.__transition={};else if(e in a)return;Gs(t,e,{name:n,index:r,group:i,on:Ys,tween:Js,time:o.time,delay:o.delay,duration:o.duration,ease:o.ease,timer:null,state:qr})}function le(t,n){var e=tt(t,n);if(e.state>qr)throw new Error("too late; already scheduled");return e}function it(t,n){var e=tt(t,n);if(e.state>gn)throw new Error("too late; already running");return e}function tt(t,n){var e=t.__transition;if(!e||!(e=e[n]))throw new Error("transition not found");return e}function Gs(t,n,e){var r=t.__transition,i;r[n]=e,e.timer=Ft(o,0,e.time);function o(c){e.state=Br,e.timer.restart(a,e.delay,e.time),e.delay<=c&&a(c-e.delay)}function a(c){var l,f,d,h;if(e.state!==Br)return u();for(l in r)if(h=r[l],h.name===e.name){if(h.state===gn)return Ln(a);h.state===Pr?(h.state=mn,h.timer.stop(),h.on.call("interrupt",t,t.__data__,h.index,h.group),delete r[l]):+l<n&&(h.state=mn,h.timer.stop(),h.on.call("cancel",t,t.__data__,h.index,h.group),delete r[l])}if(Ln(function(){e.state===gn&&(e.state=Pr,e.timer.restart(s,e.delay,e.time),s(c))}),e.state=ae,e.on.call("start",t,t.__data__,e.index,e.group),e.state===ae){for(e.state=gn,i=new Array(d=e.tween.length),l=0,f=-1;l<d;++l)(h=e.tween[l].value.call(t,t.__data__,e.index,e.group))&&(i[++f]=h);i.length=f+1}}function s(c){for(var l=c<e.duration?e.ease.call(null,c/e.duration):(e.timer.restart(u),e.state=ue,1),f=-1,d=i.length;++f<d;)i[f].call(t,l);e.state===ue&&(e.on.call("end",t,t.__data__,e.index,e.group),u())}function u(){e.state=mn,e.timer.stop(),delete r[n];for(var c in r)return;delete t.__transition}}function Xt(t,n){var e=t.__transition,r,i,o=!0,a;if(e){n=n==null?null:n+"";for(a in e){if((r=e[a]).name!==n){o=!1;continue}i=r.state>ae&&r.state<ue,r.state=mn,r.timer.stop(),r.on.call(i?"interrupt":"cancel",t,t.__data__,r.index,r.group),delete e[a]}o&&delete t.__transition}}function Us(t){return this.each(function(){Xt(this,t)})}function Ks(t,n){var e,r;return function(){var i=it(this,t),o=i.tween;if(o!==e){r=e=o;for(var a=0,s=r.length;a<s;++a)if(r[a].name===n){r=r.slice(),r.splice(a,1);break}}i.tween=r}}function Zs(t,n,e){var r,i;if(typeof e!="function")throw new Error;return function(){var o=it(this,t),a=o.tween;if(a!==r){i=(r=a).slice();for(var s={name:n,value:e},u=0,c=i.length;u<c;++u)if(i[u].name===n){i[u]=s;break}u===c&&i.push(s)}o.tween=i}}function Qs(t,n){var e=this._id;if(t+="",arguments.length<2){for(var r=tt(this.node(),e).tween,i=0,o=r.length,a;i<o;++i)if((a=r[i]).name===t)return a.value;return null}return this.each((n==null?Ks:Zs)(e,t,n))}function ce(t,n,e){var r=t._id;return t.each(function(){var i=it(this,r);(i.value||(i.value={}))[n]=e.apply(this,arguments)}),function(i){return tt(i,r).value[n]}}function jr(t,n){var e;return(typeof n=="number"?lt:n instanceof kt?ee:(e=kt(n))?(n=e,ee):Er)(t,n)}function ta(t){return function(){this.removeAttribute(t)}}function na(t){return function(){this.removeAttributeNS(t.space,t.local)}}function ea(t,n,e){var r,i=e+"",o;return function(){var a=this.getAttribute(t);return a===i?null:a===r?o:o=n(r=a,e)}}function ra(t,n,e){var r,i=e+"",o;return function(){var a=this.getAttributeNS(t.space,t.local);return a===i?null:a===r?o:o=n(r=a,e)}}function ia(t,n,e){var r,i,o;return function(){var a,s=e(this),u;return s==null?void this.removeAttribute(t):(a=this.getAttribute(t),u=s+"",a===u?null:a===r&&u===i?o:(i=u,o=n(r=a,s)))}}function oa(t,n,e){var r,i,o;return function(){var a,s=e(this),u;return s==null?void this.removeAttributeNS(t.space,t.local):(a=this.getAttributeNS(t.space,t.local),u=s+"",a===u?null:a===r&&u===i?o:(i=u,o=n(r=a,s)))}}function sa(t,n){var e=Dt(t),r=e==="transform"?Ir:jr;return this.attrTween(t,typeof n=="function"?(e.local?oa:ia)(e,r,ce(this,"attr."+t,n)):n==null?(e.local?na:ta)(e):(e.local?ra:ea)(e,r,n))}function aa(t,n){return function(e){this.setAttribute(t,n.call(this,e))}}function ua(t,n){return function(e){this.setAttributeNS(t.space,t.local,n.call(this,e))}}function la(t,n){var e,r;function i(){var o=n.apply(this,arguments);return o!==r&&(e=(r=o)&&ua(t,o)),e}return i._value=n,i}function ca(t,n){var e,r;function i(){var o=n.apply(this,arguments);return o!==r&&(e=(r=o)&&aa(t,o)),e}return i._value=n,i}function fa(t,n){var e="attr."+t;if(arguments.length<2)return(e=this.tween(e))&&e._value;if(n==null)return this.tween(e,null);if(typeof n!="function")throw new Error;var r=Dt(t);return this.tween(e,(r.local?la:ca)(r,n))}function ha(t,n){return function(){le(this,t).delay=+n.apply(this,arguments)}}function da(t,n){return n=+n,function(){le(this,t).delay=n}}function pa(t){var n=this._id;return arguments.length?this.each((typeof t=="function"?ha:da)(n,t)):tt(this.node(),n).delay}function ga(t,n){return function(){it(this,t).duration=+n.apply(this,arguments)}}function ma(t,n){return n=+n,function(){it(this,t).duration=n}}function ya(t){var n=this._id;return arguments.length?this.each((typeof t=="function"?ga:ma)(n,t)):tt(this.node(),n).duration}function wa(t,n){if(typeof n!="function")throw new Error;return function(){it(this,t).ease=n}}function va(t){var n=this._id;return arguments.length?this.each(wa(n,t)):tt(this.node(),n).ease}function xa(t,n){return function(){var e=n.apply(this,arguments);if(typeof e!="function")throw new Error;it(this,t).ease=e}}function _a(t){if(typeof t!="function")throw new Error;return this.each(xa(this._id,t))}function ba(t){typeof t!="function"&&(t=Bn(t));for(var n=this._groups,e=n.length,r=new Array(e),i=0;i<e;++i)for(var o=n[i],a=o.length,s=r[i]=[],u,c=0;c<a;++c)(u=o[c])&&t.call(u,u.__data__,c,o)&&s.push(u);return new ft(r,this._parents,this._name,this._id)}function Ma(t){if(t._id!==this._id)throw new Error;for(var n=this._groups,e=t._groups,r=n.length,i=e.length,o=Math.min(r,i),a=new Array(r),s=0;s<o;++s)for(var u=n[s],c=e[s],l=u.length,f=a[s]=new Array(l),d,h=0;h<l;++h)(d=u[h]||c[h])&&(f[h]=d);for(;s<r;++s)a[s]=n[s];return new ft(a,this._parents,this._name,this._id)}function ka(t){return(t+"").trim().split(/^|\s+/).every(function(n){var e=n.indexOf(".");return e>=0&&(n=n.slice(0,e)),!n||n==="start"})}function Na(t,n,e){var r,i,o=ka(n)?le:it;return function(){var a=o(this,t),s=a.on;s!==r&&(i=(r=s).copy()).on(n,e),a.on=i}}function $a(t,n){var e=this._id;return arguments.length<2?tt(this.node(),e).on.on(t):this.each(Na(e,t,n))}function Aa(t){return function(){var n=this.parentNode;for(var e in this.__transition)if(+e!==t)return;n&&n.removeChild(this)}}function Ea(){return this.on("end.remove",Aa(this._id))}function Sa(t){var n=this._name,e=this._id;typeof t!="function"&&(t=rn(t));for(var r=this._groups,i=r.length,o=new Array(i),a=0;a<i;++a)for(var s=r[a],u=s.length,c=o[a]=new Array(u),l,f,d=0;d<u;++d)(l=s[d])&&(f=t.call(l,l.__data__,d,s))&&("__data__"in l&&(f.__data__=l.__data__),c[d]=f,yn(c[d],n,e,d,c,tt(l,e)));return new ft(o,this._parents,n,e)}function Ta(t){var n=this._name,e=this._id;typeof t!="function"&&(t=Dn(t));for(var r=this._groups,i=r.length,o=[],a=[],s=0;s<i;++s)for(var u=r[s],c=u.length,l,f=0;f<c;++f)if(l=u[f]){for(var d=t.call(l,l.__data__,f,u),h,x=tt(l,e),w=0,y=d.length;w<y;++w)(h=d[w])&&yn(h,n,e,w,d,x);o.push(d),a.push(l)}return new ft(o,a,n,e)}var Ca=vt.prototype.constructor;function Ia(){return new Ca(this._groups,this._parents)}function za(t,n){var e,r,i;return function(){var o=wt(this,t),a=(this.style.removeProperty(t),wt(this,t));return o===a?null:o===e&&a===r?i:i=n(e=o,r=a)}}function Xr(t){return function(){this.style.removeProperty(t)}}function Oa(t,n,e){var r,i=e+"",o;return function(){var a=wt(this,t);return a===i?null:a===r?o:o=n(r=a,e)}}function La(t,n,e){var r,i,o;return function(){var a=wt(this,t),s=e(this),u=s+"";return s==null&&(u=s=(this.style.removeProperty(t),wt(this,t))),a===u?null:a===r&&u===i?o:(i=u,o=n(r=a,s))}}function Ra(t,n){var e,r,i,o="style."+n,a="end."+o,s;return function(){var u=it(this,t),c=u.on,l=u.value[o]==null?s||(s=Xr(n)):void 0;(c!==e||i!==l)&&(r=(e=c).copy()).on(a,i=l),u.on=r}}function Fa(t,n,e){var r=(t+="")=="transform"?Cr:jr;return n==null?this.styleTween(t,za(t,r)).on("end.style."+t,Xr(t)):typeof n=="function"?this.styleTween(t,La(t,r,ce(this,"style."+t,n))).each(Ra(this._id,t)):this.styleTween(t,Oa(t,r,n),e).on("end.style."+t,null)}function Da(t,n,e){return function(r){this.style.setProperty(t,n.call(this,r),e)}}function Ba(t,n,e){var r,i;function o(){var a=n.apply(this,arguments);return a!==i&&(r=(i=a)&&Da(t,a,e)),r}return o._value=n,o}function Pa(t,n,e){var r="style."+(t+="");if(arguments.length<2)return(r=this.tween(r))&&r._value;if(n==null)return this.tween(r,null);if(typeof n!="function")throw new Error;return this.tween(r,Ba(t,n,e??""))}function qa(t){return function(){this.textContent=t}}function ja(t){return function(){var n=t(this);this.textContent=n??""}}function Xa(t){return this.tween("text",typeof t=="function"?ja(ce(this,"text",t)):qa(t==null?"":t+""))}function Va(t){return function(n){this.textContent=t.call(this,n)}}function Ha(t){var n,e;function r(){var i=t.apply(this,arguments);return i!==e&&(n=(e=i)&&Va(i)),n}return r._value=t,r}function Wa(t){var n="text";if(arguments.length<1)return(n=this.tween(n))&&n._value;if(t==null)return this.tween(n,null);if(typeof t!="function")throw new Error;return this.tween(n,Ha(t))}function Ya(){for(var t=this._name,n=this._id,e=Vr(),r=this._groups,i=r.length,o=0;o<i;++o)for(var a=r[o],s=a.length,u,c=0;c<s;++c)if(u=a[c]){var l=tt(u,n);yn(u,t,e,c,a,{time:l.time+l.delay+l.duration,delay:0,duration:l.duration,ease:l.ease})}return new ft(r,this._parents,t,e)}function Ja(){var t,n,e=this,r=e._id,i=e.size();return new Promise(function(o,a){var s={value:a},u={value:function(){--i===0&&o()}};e.each(function(){var c=it(this,r),l=c.on;l!==t&&(n=(t=l).copy(),n._.cancel.push(s),n._.interrupt.push(s),n._.end.push(u)),c.on=n}),i===0&&o()})}var Ga=0;function ft(t,n,e,r){this._groups=t,this._parents=n,this._name=e,this._id=r}function Ua(t){return vt().transition(t)}function Vr(){return++Ga}var ct=vt.prototype;ft.prototype=Ua.prototype={constructor:ft,select:Sa,selectAll:Ta,selectChild:ct.selectChild,selectChildren:ct.selectChildren,filter:ba,merge:Ma,selection:Ia,transition:Ya,call:ct.call,nodes:ct.nodes,node:ct.node,size:ct.size,empty:ct.empty,each:ct.each,on:$a,attr:sa,attrTween:fa,style:Fa,styleTween:Pa,text:Xa,textTween:Wa,remove:Ea,tween:Qs,delay:pa,duration:ya,ease:va,easeVarying:_a,end:Ja,[Symbol.iterator]:ct[Symbol.iterator]};var Ka={time:null,delay:0,duration:250,ease:Dr};function Za(t,n){for(var e;!(e=t.__transition)||!(e=e[n]);)if(!(t=t.parentNode))throw new Error(`transition ${n} not found`);return e}function Qa(t){var n,e;t instanceof ft?(n=t._id,t=t._name):(n=Vr(),(e=Ka).time=nn(),t=t==null?null:t+"");for(var r=this._groups,i=r.length,o=0;o<i;++o)for(var a=r[o],s=a.length,u,c=0;c<s;++c)(u=a[c])&&yn(u,t,n,c,a,e||Za(u,n));return new ft(r,this._parents,t,n)}vt.prototype.interrupt=Us;vt.prototype.transition=Qa;var wn=t=>()=>t;function tu(t,{sourceEvent:n,target:e,transform:r,dispatch:i}){Object.defineProperties(this,{type:{value:t,enumerable:!0,configurable:!0},sourceEvent:{value:n,enumerable:!0,configurable:!0},target:{value:e,enumerable:!0,configurable:!0},transform:{value:r,enumerable:!0,configurable:!0},_:{value:i}})}function ht(t,n,e){this.k=t,this.x=n,this.y=e}ht.prototype={constructor:ht,scale:function(t){return t===1?this:new ht(this.k*t,this.x,this.y)},translate:function(t,n){return t===0&n===0?this:new ht(this.k,this.x+this.k*t,this.y+this.k*n)},apply:function(t){return[t[0]*this.k+this.x,t[1]*this.k+this.y]},applyX:function(t){return t*this.k+this.x},applyY:function(t){return t*this.k+this.y},invert:function(t){return[(t[0]-this.x)/this.k,(t[1]-this.y)/this.k]},invertX:function(t){return(t-this.x)/this.k},invertY:function(t){return(t-this.y)/this.k},rescaleX:function(t){return t.copy().domain(t.range().map(this.invertX,this).map(t.invert,t))},rescaleY:function(t){return t.copy().domain(t.range().map(this.invertY,this).map(t.invert,t))},toString:function(){return"translate("+this.x+","+this.y+") scale("+this.k+")"}};var pt=new ht(1,0,0);nu.prototype=ht.prototype;function nu(t){for(;!t.__zoom;)if(!(t=t.parentNode))return pt;return t.__zoom}function fe(t){t.stopImmediatePropagation()}function Vt(t){t.preventDefault(),t.stopImmediatePropagation()}function eu(t){return(!t.ctrlKey||t.type==="wheel")&&!t.button}function ru(){var t=this;return t instanceof SVGElement?(t=t.ownerSVGElement||t,t.hasAttribute("viewBox")?(t=t.viewBox.baseVal,[[t.x,t.y],[t.x+t.width,t.y+t.height]]):[[0,0],[t.width.baseVal.value,t.height.baseVal.value]]):[[0,0],[t.clientWidth,t.clientHeight]]}function Hr(){return this.__zoom||pt}function iu(t){return-t.deltaY*(t.deltaMode===1?.05:t.deltaMode?1:.002)*(t.ctrlKey?10:1)}function ou(){return navigator.maxTouchPoints||"ontouchstart"in this}function su(t,n,e){var r=t.invertX(n[0][0])-e[0][0],i=t.invertX(n[1][0])-e[1][0],o=t.invertY(n[0][1])-e[0][1],a=t.invertY(n[1][1])-e[1][1];return t.translate(i>r?(r+i)/2:Math.min(0,r)||Math.max(0,i),a>o?(o+a)/2:Math.min(0,o)||Math.max(0,a))}function Wr(){var t=eu,n=ru,e=su,r=iu,i=ou,o=[0,1/0],a=[[-1/0,-1/0],[1/0,1/0]],s=250,u=zr,c=mt("start","zoom","end"),l,f,d,h=500,x=150,w=0,y=10;function p(m){m.property("__zoom",Hr).on("wheel.zoom",L,{passive:!1}).on("mousedown.zoom",R).on("dblclick.zoom",z).filter(i).on("touchstart.zoom",G).on("touchmove.zoom",H).on("touchend.zoom touchcancel.zoom",ti).style("-webkit-tap-highlight-color","rgba(0,0,0,0)")}p.transform=function(m,$,_,A){var E=m.selection?m.selection():m;E.property("__zoom",Hr),m!==E?M(m,$,_,A):E.interrupt().each(function(){v(this,arguments).event(A).start().zoom(null,typeof $=="function"?$.apply(this,arguments):$).end()})},p.scaleBy=function(m,$,_,A){p.scaleTo(m,function(){var E=this.__zoom.k,T=typeof $=="function"?$.apply(this,arguments):$;return E*T},_,A)},p.scaleTo=function(m,$,_,A){p.transform(m,function(){var E=n.apply(this,arguments),T=this.__zoom,C=_==null?g(E):typeof _=="function"?_.apply(this,arguments):_,O=T.invert(C),F=typeof $=="function"?$.apply(this,arguments):$;return e(k(b(T,F),C,O),E,a)},_,A)},p.translateBy=function(m,$,_,A){p.transform(m,function(){return e(this.__zoom.translate(typeof $=="function"?$.apply(this,arguments):$,typeof _=="function"?_.apply(this,arguments):_),n.apply(this,arguments),a)},null,A)},p.translateTo=function(m,$,_,A,E){p.transform(m,function(){var T=n.apply(this,arguments),C=this.__zoom,O=A==null?g(T):typeof A=="function"?A.apply(this,arguments):A;return e(pt.translate(O[0],O[1]).scale(C.k).translate(typeof $=="function"?-$.apply(this,arguments):-$,typeof _=="function"?-_.apply(this,arguments):-_),T,a)},A,E)};function b(m,$){return $=Math.max(o[0],Math.min(o[1],$)),$===m.k?m:new ht($,m.x,m.y)}function k(m,$,_){var A=$[0]-_[0]*m.k,E=$[1]-_[1]*m.k;return A===m.x&&E===m.y?m:new ht(m.k,A,E)}function g(m){return[(+m[0][0]+ +m[1][0])/2,(+m[0][1]+ +m[1][1])/2]}function M(m,$,_,A){m.on("start.zoom",function(){v(this,arguments).event(A).start()}).on("interrupt.zoom end.zoom",function(){v(this,arguments).event(A).end()}).tween("zoom",function(){var E=this,T=arguments,C=v(E,T).event(A),O=n.apply(E,T),F=_==null?g(O):typeof _=="function"?_.apply(E,T):_,nt=Math.max(O[1][0]-O[0][0],O[1][1]-O[0][1]),B=E.__zoom,U=typeof $=="function"?$.apply(E,T):$,ot=u(B.invert(F).concat(nt/B.k),U.invert(F).concat(nt/U.k));return function(K){if(K===1)K=U;else{var st=ot(K),$n=nt/st[2];K=new ht($n,F[0]-st[0]*$n,F[1]-st[1]*$n)}C.zoom(null,K)}})}function v(m,$,_){return!_&&m.__zooming||new I(m,$)}function I(m,$){this.that=m,this.args=$,this.active=0,this.sourceEvent=null,this.extent=n.apply(m,$),this.taps=0}I.prototype={event:function(m){return m&&(this.sourceEvent=m),this},start:function(){return++this.active===1&&(this.that.__zooming=this,this.emit("start")),this},zoom:function(m,$){return this.mouse&&m!=="mouse"&&(this.mouse[1]=$.invert(this.mouse[0])),this.touch0&&m!=="touch"&&(this.touch0[1]=$.invert(this.touch0[0])),this.touch1&&m!=="touch"&&(this.touch1[1]=$.invert(this.touch1[0])),this.that.__zoom=$,this.emit("zoom"),this},end:function(){return--this.active===0&&(delete this.that.__zooming,this.emit("end")),this},emit:function(m){var $=J(this.that).datum();c.call(m,this.that,new tu(m,{sourceEvent:this.sourceEvent,target:p,transform:this.that.__zoom,dispatch:c}),$)}};function L(m,...$){if(!t.apply(this,arguments))return;var _=v(this,$).event(m),A=this.__zoom,E=Math.max(o[0],Math.min(o[1],A.k*Math.pow(2,r.apply(this,arguments)))),T=at(m);if(_.wheel)(_.mouse[0][0]!==T[0]||_.mouse[0][1]!==T[1])&&(_.mouse[1]=A.invert(_.mouse[0]=T)),clearTimeout(_.wheel);else{if(A.k===E)return;_.mouse=[T,A.invert(T)],Xt(this),_.start()}Vt(m),_.wheel=setTimeout(C,x),_.zoom("mouse",e(k(b(A,E),_.mouse[0],_.mouse[1]),_.extent,a));function C(){_.wheel=null,_.end()}}function R(m,...$){if(d||!t.apply(this,arguments))return;var _=m.currentTarget,A=v(this,$,!0).event(m),E=J(m.view).on("mousemove.zoom",F,!0).on("mouseup.zoom",nt,!0),T=at(m,_),C=m.clientX,O=m.clientY;Ze(m.view),fe(m),A.mouse=[T,this.__zoom.invert(T)],Xt(this),A.start();function F(B){if(Vt(B),!A.moved){var U=B.clientX-C,ot=B.clientY-O;A.moved=U*U+ot*ot>w}A.event(B).zoom("mouse",e(k(A.that.__zoom,A.mouse[0]=at(B,_),A.mouse[1]),A.extent,a))}function nt(B){E.on("mousemove.zoom mouseup.zoom",null),Qe(B.view,A.moved),Vt(B),A.event(B).end()}}function z(m,...$){if(t.apply(this,arguments)){var _=this.__zoom,A=at(m.changedTouches?m.changedTouches[0]:m,this),E=_.invert(A),T=_.k*(m.shiftKey?.5:2),C=e(k(b(_,T),A,E),n.apply(this,$),a);Vt(m),s>0?J(this).transition().duration(s).call(M,C,A,m):J(this).call(p.transform,C,A,m)}}function G(m,...$){if(t.apply(this,arguments)){var _=m.touches,A=_.length,E=v(this,$,m.changedTouches.length===A).event(m),T,C,O,F;for(fe(m),C=0;C<A;++C)O=_[C],F=at(O,this),F=[F,this.__zoom.invert(F),O.identifier],E.touch0?!E.touch1&&E.touch0[2]!==F[2]&&(E.touch1=F,E.taps=0):(E.touch0=F,T=!0,E.taps=1+!!l);l&&(l=clearTimeout(l)),T&&(E.taps<2&&(f=F[0],l=setTimeout(function(){l=null},h)),Xt(this),E.start())}}function H(m,...$){if(this.__zooming){var _=v(this,$).event(m),A=m.changedTouches,E=A.length,T,C,O,F;for(Vt(m),T=0;T<E;++T)C=A[T],O=at(C,this),_.touch0&&_.touch0[2]===C.identifier?_.touch0[0]=O:_.touch1&&_.touch1[2]===C.identifier&&(_.touch1[0]=O);if(C=_.that.__zoom,_.touch1){var nt=_.touch0[0],B=_.touch0[1],U=_.touch1[0],ot=_.touch1[1],K=(K=U[0]-nt[0])*K+(K=U[1]-nt[1])*K,st=(st=ot[0]-B[0])*st+(st=ot[1]-B[1])*st;C=b(C,Math.sqrt(K/st)),O=[(nt[0]+U[0])/2,(nt[1]+U[1])/2],F=[(B[0]+ot[0])/2,(B[1]+ot[1])/2]}else if(_.touch0)O=_.touch0[0],F=_.touch0[1];else return;_.zoom("touch",e(k(C,O,F),_.extent,a))}}function ti(m,...$){if(this.__zooming){var _=v(this,$).event(m),A=m.changedTouches,E=A.length,T,C;for(fe(m),d&&clearTimeout(d),d=setTimeout(function(){d=null},h),T=0;T<E;++T)C=A[T],_.touch0&&_.touch0[2]===C.identifier?delete _.touch0:_.touch1&&_.touch1[2]===C.identifier&&delete _.touch1;if(_.touch1&&!_.touch0&&(_.touch0=_.touch1,delete _.touch1),_.touch0)_.touch0[1]=this.__zoom.invert(_.touch0[0]);else if(_.end(),_.taps===2&&(C=at(C,this),Math.hypot(f[0]-C[0],f[1]-C[1])<y)){var O=J(this).on("dblclick.zoom");O&&O.apply(this,arguments)}}}return p.wheelDelta=function(m){return arguments.length?(r=typeof m=="function"?m:wn(+m),p):r},p.filter=function(m){return arguments.length?(t=typeof m=="function"?m:wn(!!m),p):t},p.touchable=function(m){return arguments.length?(i=typeof m=="function"?m:wn(!!m),p):i},p.extent=function(m){return arguments.length?(n=typeof m=="function"?m:wn([[+m[0][0],+m[0][1]],[+m[1][0],+m[1][1]]]),p):n},p.scaleExtent=function(m){return arguments.length?(o[0]=+m[0],o[1]=+m[1],p):[o[0],o[1]]},p.translateExtent=function(m){return arguments.length?(a[0][0]=+m[0][0],a[1][0]=+m[1][0],a[0][1]=+m[0][1],a[1][1]=+m[1][1],p):[[a[0][0],a[0][1]],[a[1][0],a[1][1]]]},p.constrain=function(m){return arguments.length?(e=m,p):e},p.duration=function(m){return arguments.length?(s=+m,p):s},p.interpolate=function(m){return arguments.length?(u=m,p):u},p.on=function(){var m=c.on.apply(c,arguments);return m===c?p:m},p.clickDistance=function(m){return arguments.length?(w=(m=+m)*m,p):Math.sqrt(w)},p.tapDistance=function(m){return arguments.length?(y=+m,p):y},p}function he(t,{onClick:n=null,describe:e=i=>i.label??String(i.id),tooltip:r=null}={}){let i=t.getContext("2d"),o=[],a=[],s=pt,u=null,c=0,l=null,f=0,d=0,h=!1,x=0,w=()=>{let M=t.getBoundingClientRect(),v=window.devicePixelRatio||1;f=Math.max(1,M.width),d=Math.max(1,M.height),t.width=Math.round(f*v),t.height=Math.round(d*v),i.setTransform(v,0,0,v,0,0),b()},y=()=>{c=0,i.save(),i.clearRect(0,0,f,d),i.translate(f/2+s.x,d/2+s.y),i.scale(s.k,s.k);let M=a.length>2e3;if(i.lineCap="round",M){i.beginPath();for(let v of a)i.moveTo(v.source.x,v.source.y),i.lineTo(v.target.x,v.target.y);i.strokeStyle="rgba(90, 90, 110, 0.18)",i.lineWidth=.6/s.k,i.stroke()}else for(let v of a)i.beginPath(),i.moveTo(v.source.x,v.source.y),i.lineTo(v.target.x,v.target.y),i.strokeStyle=v.color??"rgba(90, 90, 110, 0.35)",i.lineWidth=(v.width??1)/Math.sqrt(s.k),i.stroke();for(let v of o)i.beginPath(),i.arc(v.x,v.y,v.r,0,2*Math.PI),i.fillStyle=v.color,i.fill(),(v===u||v.outline)&&(i.lineWidth=2/s.k,i.strokeStyle="#111",i.stroke());if(o.length<=300){i.fillStyle="#222",i.font=`${11/s.k}px system-ui, sans-serif`,i.textAlign="center";for(let v of o)v.showLabel&&i.fillText(v.label,v.x,v.y-v.r-3/s.k)}i.restore()};function p(){if(!o.length)return;let[M,v,I,L]=[1/0,1/0,-1/0,-1/0];for(let H of o)M=Math.min(M,H.x-H.r),v=Math.min(v,H.y-H.r),I=Math.max(I,H.x+H.r),L=Math.max(L,H.y+H.r);let R=Math.min(3,Math.max(.05,Math.min(f/(I-M+40),d/(L-v+40)))),z=(M+I)/2,G=(v+L)/2;J(t).call(g.transform,pt.translate(-z*R,-G*R).scale(R))}function b(){c||(c=requestAnimationFrame(y))}let k=M=>{let v=t.getBoundingClientRect(),[I,L]=s.invert([M.clientX-v.left-f/2,M.clientY-v.top-d/2]),R=null,z=1/0;for(let G of o){let H=Math.hypot(G.x-I,G.y-L)-G.r;H<z&&(z=H,R=G)}return z<=6/s.k?R:null},g=Wr().scaleExtent([.05,20]).on("zoom",M=>{s=M.transform,M.sourceEvent&&(h=!0),b()});return J(t).call(g).on("dblclick.zoom",null),t.addEventListener("mousemove",M=>{let v=k(M);v!==u&&(u=v,t.style.cursor=v&&n?"pointer":"default",b()),r&&(v?(r.textContent=e(v),r.style.left=`${M.offsetX+14}px`,r.style.top=`${M.offsetY+10}px`,r.hidden=!1):r.hidden=!0)}),t.addEventListener("mouseleave",()=>{u=null,r&&(r.hidden=!0),b()}),t.addEventListener("click",M=>{let v=k(M);v&&n&&n(v)}),new ResizeObserver(w).observe(t),w(),{setData(M,v,{keepPositions:I=null}={}){l?.stop();let L=10*Math.sqrt(M.length+1);for(let z of M){let G=I?.get(z.id);z.x??(z.x=G?.x??(Math.random()-.5)*L),z.y??(z.y=G?.y??(Math.random()-.5)*L)}o=M,a=v,u=null,t.dataset.nodes=String(o.length),t.dataset.links=String(a.length);let R=o.length>1500;l=Fe(o).force("link",Re(a).id(z=>z.id).distance(z=>z.distance??30).strength(z=>z.strength??.5)).force("charge",De().strength(R?-12:-40).theta(.9).distanceMax(R?200:600)).force("x",Be().strength(.04)).force("y",Pe().strength(.04)).alphaDecay(R?.06:.03).on("tick",()=>{x+=1,!h&&x%10===0&&p(),b()}).on("end",()=>{h||p(),t.dataset.settled="true"}),t.dataset.settled="false",x=0,I||(h=!1,s=pt,J(t).call(g.transform,pt)),b()},positions(){return new Map(o.map(M=>[M.id,{x:M.x,y:M.y}]))},fit(){h=!1,p()},clear(){l?.stop(),o=[],a=[],b()}}}function Yr(t,n=new Map){let e=[],r=new Map,i=(s,u,c)=>(s.parent=u,s.rank=c,s.depth=u?u.depth+1:0,s.index=e.length,e.push(s),s.node!==void 0&&r.set(String(s.node),s),s),o;if(t.tree){let s=(u,c,l)=>{let f=i({path:u.path,flow:u.flow,enter:u.enter??0,exit:u.exit??0,children:[]},c,l);return u.children?u.children.forEach(d=>{let h=Number(String(d.path).split(":").pop());f.children.push(s(d,f,h))}):(f.node=u.node,f.name=u.name,f.children=null),f};o=s(t.tree,null,0)}else{let s=t.node_flow||{},u=new Map;for(let[c,l]of Object.entries(t.modules))u.has(l)||u.set(l,[]),u.get(l).push(c);o=i({path:"root",flow:0,enter:0,exit:0,children:[]},null,0);for(let c of[...u.keys()].sort((l,f)=>l-f)){let l=i({path:String(c),flow:0,enter:NaN,exit:NaN,children:[]},o,c);o.children.push(l),u.get(c).sort((d,h)=>(s[h]??0)-(s[d]??0)).forEach((d,h)=>{let x=s[d]??0,w=/^-?\d+$/.test(d)?Number(d):d;l.children.push(i({path:`${c}:${h+1}`,flow:x,node:w,name:n.get(d)??d,children:null},l,h+1)),l.flow+=x}),o.flow+=l.flow}}let a=s=>{if(!s.children){s.size=1,s.leaves=[s];return}s.children.forEach(a),s.size=s.children.reduce((u,c)=>u+c.size,0),s.leaves=s.children.flatMap(u=>u.leaves)};return a(o),{root:o,all:e,byNode:r}}function vn(t,n=5){return[...t.leaves].sort((e,r)=>r.flow-e.flow).slice(0,n)}function Jr(t,{model:n,tau:e=.15,markovTime:r=1,recorded:i=!1}){let o=new Map,a=[],s=g=>{let M=String(g);return o.has(M)||(o.set(M,a.length),a.push(M)),o.get(M)},u=[],c=[],l=[];for(let g of t)u.push(s(g[0])),c.push(s(g[1])),l.push(g.length>2?Number(g[2]):1);let f=a.length,d=u.length,h=0,x=0;for(let g=0;g<d;g++)h+=l[g],u[g]===c[g]&&(x+=l[g]);let w=2*h-x,y=new Float64Array(f);for(let g=0;g<d;g++)y[u[g]]+=l[g],(n==="undirected"||n==="undirdir")&&u[g]!==c[g]&&(y[c[g]]+=l[g]);let p=new Float64Array(f);for(let g=0;g<d;g++)p[u[g]]+=l[g],n!=="outdirdir"&&u[g]!==c[g]&&(p[c[g]]+=l[g]);for(let g=0;g<f;g++)p[g]/=w;let b=new Float64Array(d);if(n==="undirected")for(let g=0;g<d;g++)b[g]=(u[g]===c[g]?l[g]:2*l[g])/w;else if(n==="directed"){let g=new Float64Array(f);for(let v=0;v<d;v++)g[i?c[v]:u[v]]+=l[v]/h;let M=l.map((v,I)=>y[u[I]]>0?v/y[u[I]]:0);au(f,u,c,M,p,g,y,e,i,b)}else if(n==="undirdir"||n==="outdirdir"){let g=0;for(let M=0;M<d;M++)b[M]=p[u[M]]*l[M]/y[u[M]],g+=b[M];for(let M=0;M<d;M++)b[M]/=g}else for(let g=0;g<d;g++)b[g]=l[g]/h;let k=[];for(let g=0;g<d;g++)k.push({s:a[u[g]],t:a[c[g]],flow:b[g]*r});return k}function au(t,n,e,r,i,o,a,s,u,c){let l=n.length,f=Array.from(a,k=>k<=0),d=Float64Array.from(i),h=new Float64Array(t),x=1-s,w=0,y=0,p=0;for(;;){let k=w;p=0;for(let v=0;v<t;v++)f[v]&&(p+=d[v]);let g=s+x*p;for(let v=0;v<t;v++)h[v]=g*o[v];for(let v=0;v<l;v++)h[e[v]]+=r[v]*(x*d[n[v]]);let M=0;w=0;for(let v=0;v<t;v++)M+=h[v],w+=Math.abs(h[v]-d[v]);if(d=Float64Array.from(h),Math.abs(M-1)>1e-10&&M>0)for(let v=0;v<t;v++)d[v]/=M;if(Math.abs(w-k)<1e-17&&(s+=1e-12,x=1-s),y+=1,!(y<400&&(w>1e-15||y<50)))break}if(u){for(let k=0;k<l;k++)c[k]=r[k]*x*h[n[k]];return}let b=1-p;for(let k=0;k<l;k++)c[k]=r[k]*h[n[k]]/b}function Gr(t,n,e,r){let i=[],o=new Map,a=c=>{if(c.children&&(c===t.root||e.has(c.path))){c.children.forEach(a);return}let l=i.length;i.push(c);for(let f of c.leaves)o.set(String(f.node),l)};a(t.root);let s=new Map;for(let{s:c,t:l,flow:f}of n){let d=o.get(c),h=o.get(l);if(d===void 0||h===void 0||d===h)continue;!r&&d>h&&([d,h]=[h,d]);let x=d*i.length+h;s.set(x,(s.get(x)??0)+f)}let u=[...s].map(([c,l])=>({a:Math.floor(c/i.length),b:c%i.length,flow:l}));return{units:i,links:u}}var P=class extends Error{constructor(n,e){super(n),this.field=e}},uu=/^[+-]?\d+$/;function de(t,n=""){let e=n.toLowerCase();if(e.endsWith(".net")||e.endsWith(".pajek"))return"pajek";if(e.endsWith(".json"))return"json";let r=t.trimStart();return r.startsWith("{")||r.startsWith("[")?"json":/^\s*\*(vertices|edges|arcs|edgeslist|arcslist)\b/im.test(t)?"pajek":"linklist"}function pe(t,n,e,r){let i=Number(t);if(t===void 0||t===""||!Number.isFinite(i))throw new P(`line ${e}: ${n} '${t}' is not a finite number`,r);return i}function ge(t,n){let e=[];for(let[s,u]of t)e.push(s,u);for(let s of n)e.push(s.id);let i=e.every(s=>typeof s=="number"?Number.isSafeInteger(s):uu.test(String(s))&&Number.isSafeInteger(Number(s)))?s=>Number(s):s=>String(s),o=t.map(s=>s.length>2?[i(s[0]),i(s[1]),s[2]]:[i(s[0]),i(s[1])]),a=n.map(s=>({...s,id:i(s.id)}));return{edges:o,nodes:a}}function me(t){return t.split(/\r?\n/)}function lu(t){let n=[],e=/"([^"]*)"|(\S+)/g,r;for(;(r=e.exec(t))!==null;)n.push(r[1]!==void 0?{q:r[1]}:r[2]);return n}function cu(t){let n=[];return me(t).forEach((e,r)=>{let i=e.trim();if(!i||i.startsWith("#")||i.startsWith("%"))return;let o=i.split(/[\s,;]+/);if(o.length<2)throw new P(`line ${r+1}: expected 'source target [weight]'`,"edges");o.length>=3?n.push([o[0],o[1],pe(o[2],"weight",r+1,"edges")]):n.push([o[0],o[1]])}),{...ge(n,[]),directedHint:null}}function fu(t){let n=[],e=[],r=null,i=null;return me(t).forEach((o,a)=>{let s=o.trim();if(!s||s.startsWith("#")||s.startsWith("%"))return;if(s.startsWith("*")){let l=s.slice(1).split(/\s+/)[0].toLowerCase();if(l==="vertices")r="vertices";else if(l==="edges"||l==="arcs")r=l;else if(l==="edgeslist"||l==="arcslist")r=l;else throw new P(`line ${a+1}: unknown Pajek section '*${l}'`,"edges");l.startsWith("arcs")?i=!0:l.startsWith("edges")&&i===null&&(i=!1);return}let u=lu(s),c=l=>typeof l=="string"?l:l.q;if(r==="vertices"){let l={id:c(u[0])};u.length>1&&(l.name=c(u[1])),e.push(l)}else if(r==="edges"||r==="arcs"){if(u.length<2)throw new P(`line ${a+1}: expected 'source target [weight]'`,"edges");let[l,f,d]=u.map(c);n.push(d!==void 0?[l,f,pe(d,"weight",a+1,"edges")]:[l,f])}else if(r==="edgeslist"||r==="arcslist"){let[l,...f]=u.map(c);for(let d of f)n.push([l,d])}else throw new P(`line ${a+1}: data before a *Vertices or *Edges line`,"edges")}),{...ge(n,e),directedHint:i}}function hu(t){let n;try{n=JSON.parse(t)}catch(u){throw new P(`not valid JSON: ${u.message}`,"edges")}let e,r=[],i=null,o=(u,...c)=>c.map(l=>u[l]).find(l=>l!==void 0);if(Array.isArray(n)?e=n:n&&typeof n=="object"&&(e=o(n,"edges","links"),r=Array.isArray(n.nodes)?n.nodes:[],typeof n.directed=="boolean"&&(i=n.directed)),!Array.isArray(e))throw new P('JSON: expected [[source, target, weight?], ...] or {"edges"|"links": [...], "nodes": [...]}',"edges");let a=e.map((u,c)=>{if(Array.isArray(u))return u.length>2?[u[0],u[1],u[2]]:[u[0],u[1]];if(u&&typeof u=="object"){let l=o(u,"weight","value");return l!==void 0?[u.source,u.target,l]:[u.source,u.target]}throw new P(`JSON: link ${c} is neither [source, target] nor {source, target}`,"edges")}),s=r.map(u=>typeof u=="object"&&u!==null?{id:u.id,...o(u,"name","label")!==void 0?{name:String(o(u,"name","label"))}:{}}:{id:u});return{...ge(a,s),directedHint:i}}function Ur(t,n="auto",e=""){if(!t.trim())throw new P("paste a network, upload a file or pick an example","edges");let r=n==="auto"?de(t,e):n,i=r==="pajek"?fu(t):r==="json"?hu(t):cu(t),o=new Map;for(let a of i.nodes)a.name!==void 0&&o.set(String(a.id),a.name);return{...i,names:o,format:r}}function Kr(t){let n=t.trimStart();if(!n)throw new P("paste or upload vectors (CSV or JSON)","vectors");if(n.startsWith("{")||n.startsWith("[")){let l;try{l=JSON.parse(t)}catch(f){throw new P(`not valid JSON: ${f.message}`,"vectors")}if(Array.isArray(l)&&l.length&&!Array.isArray(l[0])&&typeof l[0]=="object")return{vectors:l.map(f=>f.vector??f.embedding),labels:l.map((f,d)=>String(f.label??d))};if(Array.isArray(l))return{vectors:l,labels:null};if(l&&Array.isArray(l.vectors))return{vectors:l.vectors,labels:Array.isArray(l.labels)?l.labels.map(String):null};throw new P('JSON: expected [[...], ...], {"vectors", "labels"} or [{"label", "vector"}]',"vectors")}let r=me(t).map(l=>l.trim()).filter(l=>l&&!l.startsWith("#")).map(l=>l.split(/\s*[,;\t]\s*|\s+/)),i=l=>l!==""&&Number.isFinite(Number(l)),o=0;r.length&&r[0].slice(1).some(l=>!i(l))&&(o=1);let a=r.slice(o),s=a.some(l=>!i(l[0])),u=[],c=[];return a.forEach((l,f)=>{let d=s?l.slice(1):l;u.push(d.map(h=>pe(h,"value",f+o+1,"vectors"))),c.push(s?l[0]:String(f))}),{vectors:u,labels:s?c:null}}var du=5e4,pu=20,gu=5e3,mu=2e4,ye=2e3,we=["#4e79a7","#f28e2b","#e15759","#76b7b2","#59a14f","#edc948","#b07aa1","#ff9da7","#9c755f","#bab0ac","#1f77b4","#aec7e8","#ff7f0e","#98df8a","#d62728","#c5b0d5","#8c564b","#e377c2","#7f7f7f","#bcbd22","#17becf","#393b79","#637939","#8c6d31","#843c39","#7b4173"],Yt=t=>we[(t-1+we.length)%we.length],N=(t,n=document)=>n.querySelector(t),Nt=(t,n=document)=>[...n.querySelectorAll(t)],S={caps:{jobs:!1,jobResult:!1,vectors:!1},source:"network",run:null,expanded:new Set,sort:{key:"flow",dir:-1}};function yu(t,n){if(!n)return"_general";let e=String(n).split(".")[0],r={links:"edges",nodes:"edges",sparse:"edges",adjacency:"edges",body:"edges",file:"edges"},i=t.id==="network-form"?r[e]??e:e==="body"?"vectors":e;return N(`.field-error[data-for="${i}"]`,t)?i:"_general"}function _n(t,n,e){let r=yu(t,n),i=N(`.field-error[data-for="${r}"]`,t);i.textContent=e,i.classList.add("shown"),(i.previousElementSibling?.matches?.("textarea, input, label, select, div")?i.previousElementSibling:null)?.classList.add("invalid")}function ve(t){for(let n of Nt(".field-error",t))n.textContent="",n.classList.remove("shown");for(let n of Nt(".invalid",t))n.classList.remove("invalid")}function gt(t){let n=N(t).value.trim(),e=Number(n);return n!==""&&Number.isFinite(e)?e:n}function Wt(t,n,e="running\u2026"){N(`#${t}busy`).hidden=!n;let r=N(`#${t}busy-text`);r&&(r.textContent=e),N(t?"#vectors-run":"#run").disabled=n}function bn(t,n){let e=N(`#${t}progress`);if(e.hidden=!n,!n)return;e.max=Math.max(1,n.progress?.total??1),e.value=n.progress?.done??0,e.dataset.status=n.status;let r=N("#progress-text");!t&&r&&(r.textContent=`job ${n.id.slice(0,8)}: ${n.status}, ${e.value}/${e.max} trials`)}function wu(){let t=N("#network-form"),n=Ur(N("#network-text").value,N("#format").value,S.fileName??""),e={edges:n.edges,...n.nodes.length?{nodes:n.nodes}:{},directed:N("#directed").checked,two_level:N("#two-level").checked,num_trials:gt("#num_trials"),seed:gt("#seed"),markov_time:gt("#markov_time"),teleportation_probability:gt("#teleportation_probability"),include_tree:!0,include_flow:!0};return N("#flow_model").value&&(e.flow_model=N("#flow_model").value),t.dataset.format=n.format,{request:e,parsed:n}}async function vu(t){t?.preventDefault();let n=N("#network-form");ve(n);let e,r;try{({request:e,parsed:r}=wu())}catch(u){if(u instanceof P)return _n(n,u.field,u.message);throw u}let i=N("#run-mode").value,o=e.edges.length>du||Number(e.num_trials)>pu,a=S.caps.jobs&&(i==="job"||i==="auto"&&o),s=performance.now();Wt("",!0,a?"submitting job\u2026":"running\u2026"),bn("",null),N("#progress-text").textContent="";try{let u,c=null;if(!a)try{u=await Gt("/v1/infomap",e)}catch(l){if(!(l instanceof Z&&l.code==="too_large_for_sync"&&S.caps.jobs))throw l;a=!0}a&&(Wt("",!0,"job running\u2026"),{job:c,result:u}=await Sn("infomap",e,l=>bn("",l))),xu({request:e,response:u,parsed:r,job:c,seconds:(performance.now()-s)/1e3})}catch(u){if(!(u instanceof Z))throw u;_n(n,u.field,u.message)}finally{Wt("",!1)}}var Mn,kn;function xu({request:t,response:n,parsed:e,job:r,seconds:i}){let o=t.flow_model??(t.directed?"directed":"undirected"),a=o!=="undirected",s=Yr(n,e.names),u=Jr(t.edges,{model:o,tau:Number(t.teleportation_probability),markovTime:Number(t.markov_time)});S.run={request:t,response:n,tree:s,flows:u,directed:a,flowModel:o,job:r},S.expanded=new Set;let c=(h,x,w)=>{let y=N(h);y.textContent=x,w!==void 0&&(y.dataset.value=String(w))};c("#codelength",n.codelength.toFixed(6),n.codelength),c("#one-level-codelength",n.one_level_codelength.toFixed(6),n.one_level_codelength),c("#savings",`${(100*n.relative_codelength_savings).toFixed(2)} %`,n.relative_codelength_savings),c("#num-levels",String(n.num_levels),n.num_levels),c("#num-modules",String(n.num_modules),n.num_modules),c("#num-nodes",String(n.num_nodes),n.num_nodes),c("#num-links",String(n.num_links),n.num_links);let l=[],f=(h,x)=>{h.children&&(x>0&&(l[x-1]=(l[x-1]??0)+1),h.children.forEach(w=>f(w,x+1)))};f(s.root,0),c("#modules-per-level",l.join(" / ")||"0");let d=n.trial_codelengths?.length??t.num_trials;c("#run-info",`${r?`job ${r.id.slice(0,8)}`:"synchronous"}, ${d} trial${d===1?"":"s"}, seed ${t.seed}, ${o}, ${i.toFixed(2)} s`,r?"job":"sync"),N("#results").hidden=!1,_u(),xe(!1),Nn(),Mu()}function Jt(t){for(;t.parent&&t.parent.parent;)t=t.parent;return t.rank}function _u(){let{tree:t,request:n}=S.run,e=t.root.leaves,r=N("#network-too-large");if(e.length>mu){Mn.clear(),r.hidden=!1,r.textContent=`${e.length} nodes: too many to draw here; see the module network.`;return}r.hidden=!0;let i=Math.max(...e.map(c=>c.flow),1e-300),o=e.length>2e3,a=e.map(c=>({id:String(c.node),r:(o?1.5:3)+(o?6:12)*Math.sqrt(c.flow/i),color:Yt(Jt(c)),label:c.name,showLabel:e.length<=80,leaf:c})),s=new Set(a.map(c=>c.id)),u=[];for(let c of n.edges){let l=String(c[0]),f=String(c[1]);l!==f&&s.has(l)&&s.has(f)&&u.push({source:l,target:f,width:1})}Mn.setData(a,u)}function xe(t=!0){let{tree:n,flows:e,directed:r}=S.run,{units:i,links:o}=Gr(n,e,S.expanded,r),a=Math.max(...i.map(f=>f.flow),1e-300),s=Math.max(...o.map(f=>f.flow),1e-300),u=i.map(f=>{let d=vn(f,1)[0],h=5+28*Math.sqrt(f.flow/a);return{id:f.path,r:h,color:Yt((f.children,Jt(f))),outline:!!f.children,label:f.children?`${f.path} ${d?.name??""}`:f.name,showLabel:i.length<=60,unit:f}}),c=new Map(u.map(f=>[f.id,f.r])),l=o.map(f=>({source:i[f.a].path,target:i[f.b].path,width:.5+10*(f.flow/s),strength:.2+.8*(f.flow/s),distance:c.get(i[f.a].path)+c.get(i[f.b].path)+25,flow:f.flow}));t&&bu(u,kn.positions()),kn.setData(u,l,{keepPositions:t?new Map:null}),N("#module-canvas").dataset.units=i.map(f=>f.path).join(" ")}function bu(t,n){for(let e of t){let r=n.get(e.id);for(let i=e.id;!r&&i.includes(":");)i=i.slice(0,i.lastIndexOf(":")),r=n.get(i);r||(r=[...n].find(([i])=>i.startsWith(`${e.id}:`))?.[1]),r&&(e.x=r.x+(Math.random()-.5)*20,e.y=r.y+(Math.random()-.5)*20)}}function Zr(t){if(S.run.tree.all.find(e=>e.path===t)?.children){if(S.expanded.has(t))for(let e of[...S.expanded])(e===t||e.startsWith(`${t}:`))&&S.expanded.delete(e);else S.expanded.add(t);xe(!0),Nn()}}function xn(t,n){return n==="flow"?t.flow:n==="size"?t.size:n==="children"?t.children?t.children.length:0:t.rank}function Nn(){let t=N("#modules-table tbody"),n=[],{key:e,dir:r}=S.sort,i=(s,u)=>{n.length>=ye||(n.push([s,u]),s.children&&S.expanded.has(s.path)&&[...s.children].sort((l,f)=>r*(xn(l,e)-xn(f,e))||l.rank-f.rank).forEach(l=>i(l,u+1)))};[...S.run.tree.root.children].sort((s,u)=>r*(xn(s,e)-xn(u,e))||s.rank-u.rank).forEach(s=>i(s,0));let a=n.map(([s,u])=>{let c=!!s.children,l=S.expanded.has(s.path),f=c?`<button type="button" class="expand" aria-expanded="${l}" title="${l?"collapse":"expand"}">${l?"\u25BE":"\u25B8"}</button>`:`<span class="leaf-dot" style="background:${Yt(Jt(s))}"></span>`,d=c?vn(s,5).map(h=>Ht(h.name)).join(", "):Ht(s.name);return`<tr data-path="${Ht(s.path)}" class="${c?"module":"node"}" data-depth="${u}"><td style="padding-left:${.4+u*1.2}em">${f} <span class="swatch" style="background:${Yt(Jt(s))}"></span>${Ht(s.path)}</td><td class="num">${s.flow.toFixed(5)}</td><td class="num">${s.size}</td><td class="num">${c?s.children.length:""}</td><td>${d}</td></tr>`});t.innerHTML=a.join(""),N("#table-note").textContent=n.length>=ye?`showing the first ${ye} rows`:"";for(let s of Nt("#modules-table th[data-sort]"))s.setAttribute("aria-sort",s.dataset.sort===e?r<0?"descending":"ascending":"none")}function Ht(t){return String(t).replace(/[&<>"']/g,n=>({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"})[n])}function Mu(){let t=N("#downloads"),{job:n}=S.run;t.innerHTML="";for(let e of Me){let r=document.createElement("a");r.id=`download-${e.name}`,r.className="button",r.textContent=e.extension,r.title=e.what+(n&&S.caps.jobResult?" (written by the server)":" (written in the page)"),r.download=`${S.source}${e.extension}`,n&&S.caps.jobResult?r.href=`/v1/jobs/${n.id}/result?format=${e.name}`:(r.href="#",r.addEventListener("click",()=>{let i=new Blob([Ae(S.run,e.name)],{type:e.media});r.dataset.url&&URL.revokeObjectURL(r.dataset.url),r.dataset.url=URL.createObjectURL(i),r.href=r.dataset.url})),t.append(r)}}function ku(t){let n=Tn.find(e=>e.key===t);n&&(N("#network-text").value=n.text,N("#format").value=n.format,S.source=n.key,S.fileName=n.file,ve(N("#network-form")))}function Qr(t,n){let e=t.files?.[0];if(!e)return;let r=new FileReader;r.onload=()=>n(String(r.result),e.name),r.readAsText(e)}async function Nu(t){t?.preventDefault();let n=N("#vectors-form");ve(n);let e;try{let{vectors:i,labels:o}=Kr(N("#vectors-text").value);e={vectors:i,...o?{labels:o}:{},top_k:gt("#top_k"),min_similarity:gt("#min_similarity"),directed:N("#v-directed").checked,two_level:N("#v-two-level").checked,num_trials:gt("#v-num_trials"),seed:gt("#v-seed")}}catch(i){if(i instanceof P)return _n(n,i.field,i.message);throw i}let r=S.caps.jobs&&e.vectors.length>gu;Wt("vectors-",!0),bn("vectors-",null);try{let i;if(!r)try{i=await Gt("/v1/cluster/vectors",e)}catch(o){if(!(o instanceof Z&&o.code==="too_large_for_sync"&&S.caps.jobs))throw o;r=!0}r&&({result:i}=await Sn("cluster_vectors",e,o=>bn("vectors-",o))),$u(i)}catch(i){if(!(i instanceof Z))throw i;_n(n,i.field,i.message)}finally{Wt("vectors-",!1)}}function $u(t){N("#vectors-results").hidden=!1;let n=N("#vectors-summary");n.textContent=`${t.num_clusters} clusters \xB7 codelength ${t.codelength.toFixed(6)} bits (one level ${t.one_level_codelength.toFixed(6)}, savings ${(100*t.relative_codelength_savings).toFixed(2)} %) \xB7 kNN graph: ${t.graph.nodes} nodes, ${t.graph.links} links`,n.dataset.numClusters=String(t.num_clusters);let e=N("#clusters");e.innerHTML=t.clusters.map(r=>{let i=r.members.slice(0,200).map(a=>`<li>${Ht(a)}</li>`).join(""),o=r.members.length>200?`<li class="muted">\u2026 and ${r.members.length-200} more</li>`:"";return`<li class="cluster" data-module="${r.module}"><h4><span class="swatch" style="background:${Yt(r.module)}"></span>Cluster ${r.module} \xB7 ${r.size} member${r.size===1?"":"s"} \xB7 flow ${q(r.flow,4)}</h4><ol class="members">${i}${o}</ol></li>`}).join("")}function Au(t){for(let n of Nt("nav [data-tab]"))n.setAttribute("aria-selected",String(n.dataset.tab===t));N("#tab-network").hidden=t!=="network",N("#tab-vectors").hidden=t!=="vectors"}async function Eu(){let t=N("#example");for(let n of Tn)t.add(new Option(n.title,n.key));t.addEventListener("change",()=>ku(t.value)),N("#network-file").addEventListener("change",n=>Qr(n.target,(e,r)=>{N("#network-text").value=e,N("#format").value=de(e,r),S.source=r.replace(/\.[^.]+$/,"")||"network",S.fileName=r,t.value=""})),N("#network-text").addEventListener("input",()=>{S.fileName="",t.value&&(S.source="network"),t.value=""}),N("#network-form").addEventListener("submit",vu),N("#vectors-form").addEventListener("submit",Nu),N("#vectors-example").addEventListener("click",()=>{N("#vectors-text").value=be[0].text,N("#top_k").value="2"}),N("#vectors-file").addEventListener("change",n=>Qr(n.target,e=>{N("#vectors-text").value=e}));for(let n of Nt("nav [data-tab]"))n.addEventListener("click",()=>Au(n.dataset.tab));for(let n of Nt("#modules-table th[data-sort]"))n.addEventListener("click",()=>{let e=n.dataset.sort;S.sort={key:e,dir:S.sort.key===e?-S.sort.dir:e==="path"?1:-1},Nn()});if(N("#modules-table tbody").addEventListener("click",n=>{let e=n.target.closest("button.expand");e&&Zr(e.closest("tr").dataset.path)}),N("#collapse-all").addEventListener("click",()=>{S.expanded.clear(),xe(!0),Nn()}),Mn=he(N("#network-canvas"),{tooltip:N("#network-tooltip"),describe:n=>`${n.label} \xB7 module ${n.leaf.path.split(":").slice(0,-1).join(":")} \xB7 flow ${q(n.leaf.flow,4)}`}),kn=he(N("#module-canvas"),{tooltip:N("#module-tooltip"),describe:n=>n.unit.children?`module ${n.unit.path} \xB7 flow ${q(n.unit.flow,4)} \xB7 ${n.unit.size} nodes \xB7 ${vn(n.unit,3).map(e=>e.name).join(", ")}`:`${n.unit.name} \xB7 flow ${q(n.unit.flow,4)}`,onClick:n=>Zr(n.unit.path)}),N("#fit-network").addEventListener("click",()=>Mn.fit()),N("#fit-modules").addEventListener("click",()=>kn.fit()),S.caps=await _e(),N("#server-info").textContent=`server ${S.caps.version}${S.caps.jobs?" \xB7 jobs":""}`,!S.caps.jobs)for(let n of Nt("#run-mode option"))n.value==="job"&&(n.disabled=!0);S.caps.vectors||(N("#vectors-unavailable").hidden=!1,N("#vectors-form").hidden=!0),document.body.dataset.ready="true"}window.mapeq={state:S};Eu();
